import { z } from 'zod';
import { auditActionSchema, auditEntrySchema, AuditQuery } from '../../core/audit/types';
import { toCsv } from '../stats/csv';
import { AdminContext } from '../context';
import { csv } from './statsApi';

const blank = (v: unknown) => (v === '' ? undefined : v);
export const auditQuery = z.object({
  actor: z.preprocess(blank, z.string().max(320).optional()),
  action: z.preprocess(blank, auditActionSchema.optional()),
  target: z.preprocess(blank, z.string().max(320).optional()),
  before: z.preprocess(blank, z.string().max(40).optional()),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const EXPORT_LIMIT = 1_000_000;

export function toAuditQuery(q: z.infer<typeof auditQuery>): AuditQuery {
  return { limit: q.limit, actor: q.actor?.trim().toLowerCase(), action: q.action, target: q.target?.trim(), before: q.before };
}

/** Reading and exporting the audit log; reading it is itself recorded. */
export function auditApi(ctx: AdminContext): void {
  const { routes, audit } = ctx;

  routes.add(
    { method: 'get', path: '/api/audit', permission: 'audit.read', kind: 'api', summary: 'The audit log, newest first (page with `before`)', query: auditQuery, response: z.object({ items: z.array(auditEntrySchema) }) },
    async ({ res, staff, query, ip }) => {
      const items = await audit.list(toAuditQuery(query));
      await audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'audit.view', target: 'audit', ip });
      res.json({ items });
    },
  );

  routes.add(
    { method: 'get', path: '/api/exports/audit.csv', permission: 'audit.export', kind: 'api', summary: 'The audit log as CSV (filters as /api/audit; audited)', query: auditQuery.omit({ limit: true, before: true }), produces: 'text/csv' },
    async ({ res, staff, query, ip }) => {
      const items = await audit.list({ ...toAuditQuery({ ...query, limit: EXPORT_LIMIT }) });
      await audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'export.audit', target: 'audit.csv', ip, detail: { rows: String(items.length) } });
      csv(
        res,
        'audit',
        toCsv(
          ['id', 'at', 'actor', 'action', 'target', 'ip', 'detail'],
          items.map((e) => [e.id, e.at, e.actor, e.action, e.target, e.ip, e.detail ? JSON.stringify(e.detail) : undefined]),
        ),
        ctx.now(),
      );
    },
  );
}
