import { Response } from 'express';
import { z } from 'zod';
import { Report } from '../../core/cases/types';
import { AdminContext } from '../context';
import { Staff } from '../auth/staff';
import { can } from '../auth/permissions';
import { Original } from '../cases/caseWork';
import { inScope } from '../cases/scope';
import { NEXT_STATUSES, STATUS_LABELS } from '../cases/workflow';
import { noteBody, statusBody } from '../api/schemas';
import { html, href, seg, SafeHtml } from './html';
import { csrfField, page } from './layout';
import { riskBadge, slaCell, when, words } from './format';

const NOTICES: Record<string, string> = {
  status: 'Status changed.',
  assignee: 'Assignee changed.',
  internal: 'Note added.',
  reply: 'Reply saved. The child can read it with their receipt code.',
};
const NOTE_KINDS = { internal: 'Internal note', reply: 'Reply to the child', status: 'Status change' } as const;

/** One case: redacted text, show original (audited), triage, status with note, assignee, notes and replies. */
export function casePage(ctx: AdminContext): void {
  const { routes, cases } = ctx;
  const back = (res: Response, id: string, done: string) => res.redirect(303, href(`/cases/${seg(id)}`, { done }));

  routes.add({ method: 'get', path: '/cases/:id', permission: 'cases.read', kind: 'page', summary: 'A case (audited)' }, async ({ req, res, staff, params, ip }) => {
    const report = await cases.view(staff.user, params.id, ip);
    const notice = typeof req.query.done === 'string' ? NOTICES[req.query.done] : undefined;
    await send(ctx, res, staff, report, notice);
  });

  routes.add({ method: 'post', path: '/cases/:id/original', permission: 'cases.original', kind: 'page', summary: 'Show what the child wrote (audited)' }, async ({ res, staff, params, ip }) => {
    const original = await cases.original(staff.user, params.id, ip);
    await send(ctx, res, staff, original.report, undefined, original);
  });

  routes.add({ method: 'post', path: '/cases/:id/status', permission: 'cases.write', kind: 'page', summary: 'Change status with a note', body: statusBody }, async ({ res, staff, params, body, ip }) => {
    await cases.changeStatus(staff.user, params.id, body.status, body.note, ip);
    back(res, params.id, 'status');
  });

  routes.add(
    { method: 'post', path: '/cases/:id/assignee', permission: 'cases.write', kind: 'page', summary: 'Assign the case', body: z.object({ userId: z.string().max(100) }) },
    async ({ res, staff, params, body, ip }) => {
      await cases.assign(staff.user, params.id, body.userId || undefined, ip);
      back(res, params.id, 'assignee');
    },
  );

  routes.add({ method: 'post', path: '/cases/:id/notes', permission: 'cases.write', kind: 'page', summary: 'Add a note or a reply', body: noteBody }, async ({ res, staff, params, body, ip }) => {
    await cases.addNote(staff.user, params.id, body.kind, body.text, ip);
    back(res, params.id, body.kind);
  });
}

async function send(ctx: AdminContext, res: Response, staff: Staff, r: Report, notice?: string, original?: Original): Promise<void> {
  const now = ctx.now();
  const facility = r.facilityId ? await ctx.facilities.get(r.facilityId) : undefined;
  // Only people who can see the case can be given it.
  const staffList = can(staff.user.role, 'cases.write') ? (await ctx.users.list()).filter((u) => !u.disabled && inScope(u, r)) : [];
  const action = (what: string) => href(`/cases/${seg(r.id)}/${what}`);
  const title = `${r.kind === 'concern' ? 'Concern' : 'Complaint'}${r.categories.length ? `: ${r.categories.map(words).join(', ')}` : r.topic ? `: ${words(r.topic)}` : ''}`;
  const body = html`<p><a href="/admin/queue">← Back to the queue</a></p>
<h1>${riskBadge(r.risk)} ${title}</h1>
<dl class="facts">
  <div><dt>Status</dt><dd>${STATUS_LABELS[r.status]}</dd></div>
  <div><dt>Received</dt><dd><time datetime="${r.createdAt}">${when(r.createdAt)}</time></dd></div>
  <div><dt>Due</dt><dd>${slaCell(r, now)}</dd></div>
  <div><dt>Facility</dt><dd>${facility?.name ?? r.facilityId ?? 'none given'}</dd></div>
  <div><dt>Language</dt><dd>${ctx.content.meta[r.locale]?.englishName ?? r.locale}</dd></div>
  <div><dt>Channel</dt><dd>${r.channelId}</dd></div>
  <div><dt>Assignee</dt><dd>${r.assignee ?? 'nobody'}</dd></div>
  <div><dt>Reply</dt><dd>${r.wantsReply ? 'The child asked for a reply' : 'No reply asked for'}</dd></div>
  <div><dt>Reference</dt><dd><code>${r.id}</code></dd></div>
</dl>

<section aria-labelledby="text-h">
<h2 id="text-h">What the child wrote <span class="muted">(names, numbers and links removed)</span></h2>
<div class="child-text" lang="${r.locale}" dir="auto">${r.redactedText || html`<span class="muted">(no text)</span>`}</div>
${original ? originalSection(r, original) : r.original && can(staff.user.role, 'cases.original') ? html`<form method="post" action="${action('original')}" class="inline">${csrfField(staff)}<button type="submit">Show original</button> <span class="help">Opening the original is recorded in the audit log.</span></form>` : ''}
</section>

<section aria-labelledby="triage-h">
<h2 id="triage-h">Triage</h2>
<p>${r.categories.length ? r.categories.map((c) => html`<span class="tag">${words(c)}</span> `) : html`<span class="muted">No category flagged.</span>`}${r.topic ? html` <span class="tag">topic: ${words(r.topic)}</span>` : ''}</p>
${r.reasons.length ? html`<ul class="reasons">${r.reasons.map((x) => html`<li>${x}</li>`)}</ul>` : ''}
</section>

${can(staff.user.role, 'cases.write') ? actions(staff, r, staffList, action) : ''}

<section aria-labelledby="history-h">
<h2 id="history-h">History</h2>
${r.notes.length ? html`<ol class="notes" reversed>${[...r.notes].reverse().map(
  (n) => html`<li class="note note-${n.kind}"><p class="note-head"><strong>${NOTE_KINDS[n.kind]}</strong>${n.status ? html` → ${STATUS_LABELS[n.status]}` : ''} · ${n.actor} · <time datetime="${n.at}">${when(n.at)}</time></p><div class="note-text">${n.text}</div></li>`,
)}</ol>` : html`<p class="muted">Nothing yet.</p>`}
</section>`;
  res.type('html').send(page({ title, staff, current: '/queue', notice }, body).toString());
}

function originalSection(r: Report, o: Original): SafeHtml {
  const t = o.translation;
  return html`<div class="side-by-side">
<section aria-labelledby="orig-h"><h3 id="orig-h">Original</h3><div class="child-text original" lang="${r.locale}" dir="auto">${o.text}</div></section>
${t ? html`<section aria-labelledby="mt-h" class="machine"><h3 id="mt-h">Machine translation <span class="muted">(of the redacted text; may be wrong)</span></h3>${'text' in t ? html`<div class="child-text" lang="en">${t.text}</div>` : html`<p class="muted">${t.error}</p>`}</section>` : ''}
</div>`;
}

function actions(staff: Staff, r: Report, staffList: { id: string; email: string; name: string }[], action: (w: string) => string): SafeHtml {
  const next = NEXT_STATUSES[r.status];
  return html`<section aria-labelledby="act-h" class="actions">
<h2 id="act-h">Work on this case</h2>
<form method="post" action="${action('status')}" class="card">
  ${csrfField(staff)}
  <h3>Change status</h3>
  <label for="status">New status</label>
  <select id="status" name="status" required>${next.map((s) => html`<option value="${s}">${STATUS_LABELS[s]}</option>`)}</select>
  <label for="status-note">Note (required)</label>
  <textarea id="status-note" name="note" rows="3" required maxlength="5000"></textarea>
  <button type="submit" class="primary">Change status</button>
</form>
<form method="post" action="${action('assignee')}" class="card">
  ${csrfField(staff)}
  <h3>Assignee</h3>
  <label for="assignee">Assign to</label>
  <select id="assignee" name="userId"><option value="">Nobody</option>${staffList.map((u) => html`<option value="${u.id}"${u.email === r.assignee ? html` selected` : ''}>${u.name} (${u.email})</option>`)}</select>
  <button type="submit">Assign</button>
</form>
<form method="post" action="${action('notes')}" class="card">
  ${csrfField(staff)}
  <input type="hidden" name="kind" value="reply">
  <h3>Reply to the child</h3>
  <p class="help">The child reads this when they check their report with their receipt code. Write simply, in their language if you can.</p>
  <label for="reply-text">Reply</label>
  <textarea id="reply-text" name="text" rows="3" required maxlength="5000"></textarea>
  <button type="submit">Save reply</button>
</form>
<form method="post" action="${action('notes')}" class="card">
  ${csrfField(staff)}
  <input type="hidden" name="kind" value="internal">
  <h3>Internal note</h3>
  <label for="note-text">Note (staff only)</label>
  <textarea id="note-text" name="text" rows="3" required maxlength="5000"></textarea>
  <button type="submit">Add note</button>
</form>
</section>`;
}
