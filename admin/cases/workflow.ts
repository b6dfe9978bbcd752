import { ReportStatus } from '../../core/cases/types';

/**
 * Which status may follow which: new → acknowledged → in_progress → referred | visit_planned → closed, with the
 * ways back a real case needs (a referral that comes back, a closed case reopened).
 */
export const NEXT_STATUSES: Record<ReportStatus, readonly ReportStatus[]> = {
  new: ['acknowledged'],
  acknowledged: ['in_progress', 'closed'],
  in_progress: ['referred', 'visit_planned', 'closed'],
  referred: ['in_progress', 'closed'],
  visit_planned: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export const STATUS_LABELS: Record<ReportStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  referred: 'Referred',
  visit_planned: 'Visit planned',
  closed: 'Closed',
};

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
