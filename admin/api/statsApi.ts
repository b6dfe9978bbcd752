import { Response } from 'express';
import { z } from 'zod';
import { AdminContext } from '../context';

const statsAnswer = z.object({
  byCategoryMonth: z.array(z.object({ month: z.string(), category: z.string(), count: z.number() })),
  facilities: z.array(
    z.object({ facilityId: z.string(), name: z.string(), open: z.number(), urgentOpen: z.number(), overdue: z.number(), total: z.number(), lastReportAt: z.string().optional() }),
  ),
  views: z
    .array(
      z.object({ facilityId: z.string(), questionId: z.string(), month: z.string(), answered: z.number(), mean: z.number(), counts: z.record(z.string(), z.number()) }),
    )
    .optional(),
  minGroup: z.number(),
});

/** Statistics and the CSV exports (every export is audited). */
export function statsApi(ctx: AdminContext): void {
  const { routes, stats } = ctx;

  routes.add({ method: 'get', path: '/api/stats', permission: 'stats.read', kind: 'api', summary: 'Reports by category and month, facility overview, survey views above the minimum group', response: statsAnswer }, async ({ res }) => {
    res.json(await stats.statistics());
  });

  routes.add({ method: 'get', path: '/api/exports/reports.csv', permission: 'cases.export', kind: 'api', summary: 'Every report as CSV, without text (audited)', produces: 'text/csv' }, async ({ res, staff, ip }) => {
    csv(res, 'reports', await stats.reportsCsv(staff.user, ip), ctx.now());
  });

  routes.add({ method: 'get', path: '/api/exports/statistics.csv', permission: 'stats.export', kind: 'api', summary: 'Internal statistics as CSV, small counts included (audited)', produces: 'text/csv' }, async ({ res, staff, ip }) => {
    csv(res, 'statistics-internal', await stats.statisticsCsv(staff.user, ip), ctx.now());
  });

  routes.add(
    { method: 'get', path: '/api/exports/publishable.csv', permission: 'stats.export', kind: 'api', summary: 'Publishable statistics: only aggregates of at least VIEWS_MIN_GROUP (audited)', produces: 'text/csv' },
    async ({ res, staff, ip }) => {
      csv(res, 'statistics-publishable', await stats.publishableCsv(staff.user, ip), ctx.now());
    },
  );
}

export function csv(res: Response, name: string, body: string, now: Date): void {
  res.type('text/csv; charset=utf-8');
  res.attachment(`heard-${name}-${now.toISOString().slice(0, 10)}.csv`);
  res.send(body);
}
