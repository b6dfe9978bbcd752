import { z } from 'zod';

/** What staff did; every sign-in attempt, case view, show-original, change and export is one of these. */
export const AUDIT_ACTIONS = [
  'signin.success',
  'signin.failure',
  'signin.locked',
  'signout',
  'totp.enrolled',
  'report.list',
  'report.view',
  'report.original',
  'report.status',
  'report.assign',
  'report.note',
  'report.reply',
  'export.reports',
  'export.statistics',
  'export.audit',
  'audit.view',
  'user.create',
  'user.update',
  'facility.upsert',
  'device.create',
  'device.revoke',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditInputSchema = z.object({
  at: z.iso.datetime(),
  /** The staff email, or the email typed at a failed sign-in (hostile input: escape wherever shown). */
  actor: z.string().min(1).max(320),
  action: auditActionSchema,
  /** What was acted on: a report id, a user email, a facility or device id, an export name. */
  target: z.string().max(320),
  ip: z.string().max(64).optional(),
  /** Small facts about the action (a new status, a filter); never a child's words. */
  detail: z.record(z.string(), z.string().max(500)).optional(),
});
export type AuditInput = z.infer<typeof auditInputSchema>;

export const auditEntrySchema = auditInputSchema.extend({
  /** Opaque, increasing position in the log; pass it as `before` to page back. */
  id: z.string().min(1),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface AuditQuery {
  /** At most this many entries (newest first). */
  limit: number;
  /** Only entries older than this id. */
  before?: string;
  actor?: string;
  action?: AuditAction;
  target?: string;
}

/**
 * The audit log port: append-only on purpose. There is no update or delete; retention, if a deployment wants one,
 * is an operator's job on the stream itself.
 */
export interface AuditLog {
  append(entry: AuditInput): Promise<AuditEntry>;
  /** Entries matching the query, newest first. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

/** Whether an entry matches a query's filters; shared by the adapters so they agree. */
export function matchesAudit(e: AuditEntry, q: AuditQuery): boolean {
  return (!q.actor || e.actor === q.actor) && (!q.action || e.action === q.action) && (!q.target || e.target === q.target);
}
