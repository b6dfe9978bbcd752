import { REPORT_STATUSES } from '../../core/cases/types';
import { Facility } from '../../core/facilities/types';
import { CATEGORIES, RISK_LEVELS } from '../../core/triage/types';
import { AdminContext } from '../context';
import { QueueQuery, queueQuery, toFilter } from '../api/schemas';
import { isOverdue } from '../cases/caseWork';
import { STATUS_LABELS } from '../cases/workflow';
import { caseScope } from '../cases/scope';
import { html, href, seg } from './html';
import { page } from './layout';
import { riskBadge, slaCell, when, words } from './format';

const EXCERPT = 140;
const NOTICES: Record<string, string> = { enrolled: 'Your authenticator is set up. You are signed in.' };

/** The triage queue page: filters, counts, overdue marks, live cue for new urgent reports (admin.js). */
export function queuePage(ctx: AdminContext): void {
  ctx.routes.add({ method: 'get', path: '/queue', permission: 'cases.read', kind: 'page', summary: 'The triage queue', query: queueQuery }, async ({ req, res, staff, query }) => {
    const now = ctx.now();
    const { items, counts } = await ctx.cases.queue(staff.user, toFilter(query));
    const scope = caseScope(staff.user);
    const facilities = (await ctx.facilities.list()).filter((f) => scope === 'all' || scope.includes(f.id));
    const names = new Map(facilities.map((f) => [f.id, f.name]));
    const shown = items.slice(0, query.limit);
    const body = html`<h1>Queue</h1>
${filters(query, facilities, Object.keys(ctx.content.meta))}
<p class="counts" aria-label="Counts">
  <span><strong>${counts.total}</strong> ${query.status === 'open' ? 'open' : 'matching'}</span>
  <span class="${counts.urgentNew ? 'count-urgent' : ''}"><strong>${counts.urgentNew}</strong> urgent, not yet acknowledged</span>
  <span class="${counts.overdue ? 'count-overdue' : ''}"><strong>${counts.overdue}</strong> overdue</span>
  <a href="/admin/api/reports?${new URLSearchParams(req.query as Record<string, string>).toString()}">JSON</a>
</p>
${shown.length < items.length ? html`<p class="muted">Showing the first ${shown.length} of ${items.length}. Narrow the filters to see the rest.</p>` : ''}
<table class="queue">
<caption class="sr-only">Reports in triage order: urgent first, then overdue, then by due time</caption>
<thead><tr><th scope="col">Risk</th><th scope="col">Report</th><th scope="col">Facility</th><th scope="col">Lang.</th><th scope="col">Status</th><th scope="col">Received</th><th scope="col">Due</th><th scope="col">Assignee</th></tr></thead>
<tbody>
${shown.map((r) => {
  const overdue = isOverdue(r, now);
  return html`<tr class="${[r.risk === 'urgent' && r.status === 'new' ? 'row-urgent' : '', overdue ? 'row-overdue' : ''].join(' ')}" data-id="${r.id}">
  <td>${riskBadge(r.risk)}</td>
  <td><a href="${href(`/cases/${seg(r.id)}`)}"><span class="kind">${r.kind}</span>${r.categories.length ? html` · ${r.categories.map(words).join(', ')}` : r.topic ? html` · ${words(r.topic)}` : ''}</a>
    <div class="excerpt">${r.redactedText.length > EXCERPT ? `${r.redactedText.slice(0, EXCERPT)}…` : r.redactedText}</div></td>
  <td>${r.facilityId ? (names.get(r.facilityId) ?? r.facilityId) : html`<span class="muted">none</span>`}</td>
  <td>${r.locale}</td>
  <td>${STATUS_LABELS[r.status]}</td>
  <td><time datetime="${r.createdAt}">${when(r.createdAt)}</time></td>
  <td>${slaCell(r, now)}</td>
  <td>${r.assignee ?? html`<span class="muted">—</span>`}</td>
</tr>`;
})}
</tbody>
</table>
${shown.length === 0 ? html`<p class="empty">No reports match these filters.</p>` : ''}`;
    const notice = typeof req.query.done === 'string' ? NOTICES[req.query.done] : undefined;
    res.type('html').send(page({ title: 'Queue', staff, current: '/queue', notice, data: { page: 'queue', since: now.toISOString() } }, body).toString());
  });
}

function filters(q: QueueQuery, facilities: Facility[], locales: string[]) {
  const status = q.status === 'open' || q.status === 'all' ? q.status : q.status[0];
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="/admin/queue" role="search" aria-label="Filter the queue">
  <label>Status <select name="status">${option('open', 'Open', status === 'open')}${option('all', 'All', status === 'all')}${REPORT_STATUSES.map((s) => option(s, STATUS_LABELS[s], status === s))}</select></label>
  <label>Risk <select name="risk">${option('', 'Any', !q.risk)}${RISK_LEVELS.map((r) => option(r, r, q.risk?.[0] === r))}</select></label>
  <label>Category <select name="category">${option('', 'Any', !q.category)}${CATEGORIES.map((c) => option(c, words(c), q.category === c))}</select></label>
  <label>Facility <select name="facility">${option('', 'Any', !q.facility)}${facilities.map((f) => option(f.id, f.name, q.facility?.[0] === f.id))}</select></label>
  <label>Language <select name="locale">${option('', 'Any', !q.locale)}${locales.map((l) => option(l, l, q.locale === l))}</select></label>
  <label>From <input type="date" name="from" value="${q.from ?? ''}"></label>
  <label>To <input type="date" name="to" value="${q.to ?? ''}"></label>
  <button type="submit">Filter</button>
  <a href="/admin/queue">Clear</a>
</form>`;
}
