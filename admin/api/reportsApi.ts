import { Request, Response } from 'express';
import { z } from 'zod';
import { Report } from '../../core/cases/types';
import { AdminContext } from '../context';
import { inScope, scopedFilter } from '../cases/scope';
import { newReportEvent } from '../cases/liveFeed';
import { Staff } from '../auth/staff';
import { assigneeBody, caseDetail, noteBody, originalAnswer, queueAnswer, queueQuery, statusBody, toCaseDetail, toFilter, toQueueItem } from './schemas';

const HEARTBEAT_MS = 25_000;

/** The reports part of the JSON API: queue, case, show original, status, assignee, notes and replies, live stream. */
export function reportsApi(ctx: AdminContext): void {
  const { routes, cases } = ctx;

  routes.add(
    { method: 'get', path: '/api/reports', permission: 'cases.read', kind: 'api', summary: 'The queue: urgent new first, then overdue, then by due time', query: queueQuery, response: queueAnswer },
    async ({ res, staff, query }) => {
      const now = ctx.now();
      const { items, counts } = await cases.queue(staff.user, toFilter(query));
      res.json({ items: items.slice(0, query.limit).map((r) => toQueueItem(r, now)), counts });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/reports/stream',
      permission: 'cases.read',
      kind: 'api',
      summary: 'Server-sent events: `report` for each new report in your scope (no text)',
      query: z.object({ since: z.iso.datetime().optional() }),
      produces: 'text/event-stream',
      passive: true,
    },
    async ({ req, res, staff, query }) => stream(ctx, req, res, staff, query.since),
  );

  routes.add(
    { method: 'get', path: '/api/reports/:id', permission: 'cases.read', kind: 'api', summary: 'One case, redacted text only (audited)', response: caseDetail },
    async ({ res, staff, params, ip }) => {
      res.json(toCaseDetail(await cases.view(staff.user, params.id, ip), ctx.now()));
    },
  );

  routes.add(
    { method: 'post', path: '/api/reports/:id/original', permission: 'cases.original', kind: 'api', summary: 'What the child wrote, decrypted, with a machine translation when a model is configured (audited)', response: originalAnswer },
    async ({ res, staff, params, ip }) => {
      const { text, translation } = await cases.original(staff.user, params.id, ip);
      res.json({ text, translation });
    },
  );

  routes.add(
    { method: 'post', path: '/api/reports/:id/status', permission: 'cases.write', kind: 'api', summary: 'Change the status, with a required note', body: statusBody, response: caseDetail },
    async ({ res, staff, params, body, ip }) => {
      res.json(toCaseDetail(await cases.changeStatus(staff.user, params.id, body.status, body.note, ip), ctx.now()));
    },
  );

  routes.add(
    { method: 'put', path: '/api/reports/:id/assignee', permission: 'cases.write', kind: 'api', summary: 'Assign the case to a staff member (null: nobody)', body: assigneeBody, response: caseDetail },
    async ({ res, staff, params, body, ip }) => {
      res.json(toCaseDetail(await cases.assign(staff.user, params.id, body.userId ?? undefined, ip), ctx.now()));
    },
  );

  routes.add(
    { method: 'post', path: '/api/reports/:id/notes', permission: 'cases.write', kind: 'api', summary: 'Add an internal note, or a reply the child reads with their receipt code', body: noteBody, response: caseDetail },
    async ({ res, staff, params, body, ip }) => {
      res.json(toCaseDetail(await cases.addNote(staff.user, params.id, body.kind, body.text, ip), ctx.now()));
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/staff',
      permission: 'cases.write',
      kind: 'api',
      summary: 'Staff a case can be assigned to',
      response: z.object({ items: z.array(z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() })) }),
    },
    async ({ res }) => {
      const users = (await ctx.users.list()).filter((u) => !u.disabled);
      res.json({ items: users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role })) });
    },
  );
}

async function stream(ctx: AdminContext, req: Request, res: Response, staff: Staff, since?: string): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.write('retry: 5000\n\n');
  const send = (r: Report) => {
    if (inScope(staff.user, r)) res.write(`event: report\ndata: ${JSON.stringify(newReportEvent(r))}\n\n`);
  };
  const stop = ctx.feed.subscribe(send);
  // The stream does not keep a session alive, and ends with it.
  const beat = setInterval(() => {
    ctx.sessions.get(staff.session.id).then(
      (s) => (s ? res.write(': beat\n\n') : res.end()),
      () => res.end(),
    );
  }, HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(beat);
    stop();
  });
  // Reports filed between the page being drawn and this stream opening.
  if (since) {
    const missed = await ctx.reports.list({ ...scopedFilter(staff.user, {}), from: since, limit: 50 });
    missed.reverse().forEach(send);
  }
}
