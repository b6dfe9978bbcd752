import { z } from 'zod';
import { RiskLevel } from '../triage/types';

/** Service levels, in hours or working days, per kind of report and risk. Configurable; these are the defaults. */
export const slaSchema = z.object({
  urgentAcknowledgeHours: z.number().positive().default(1),
  concernAcknowledgeWorkingDays: z.number().positive().default(1),
  complaintAcknowledgeWorkingDays: z.number().positive().default(3),
  complaintAnswerWorkingDays: z.number().positive().default(20),
});
export type Sla = z.infer<typeof slaSchema>;
export const DEFAULT_SLA: Sla = slaSchema.parse({});

/** Adds working days (Monday to Friday, UTC: the monitoring body's calendar is a deployment setting to come). */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}

/** When the next step on a report is due: acknowledgement first, then (complaints) the answer. */
export function dueAt(sla: Sla, kind: 'concern' | 'complaint', risk: RiskLevel, from: Date, acknowledged = false): Date {
  if (risk === 'urgent' && !acknowledged) return new Date(from.getTime() + sla.urgentAcknowledgeHours * 3_600_000);
  if (kind === 'complaint' && risk === 'none') {
    return addWorkingDays(from, acknowledged ? sla.complaintAnswerWorkingDays : sla.complaintAcknowledgeWorkingDays);
  }
  return addWorkingDays(from, acknowledged ? sla.complaintAnswerWorkingDays : sla.concernAcknowledgeWorkingDays);
}
