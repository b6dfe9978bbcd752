import { AUDIT_ACTIONS } from '../../core/audit/types';
import { AdminContext } from '../context';
import { auditQuery, toAuditQuery } from '../api/auditApi';
import { html, href } from './html';
import { page } from './layout';
import { when } from './format';

/** The audit log for supervisors: filter, page back, export. */
export function auditPage(ctx: AdminContext): void {
  ctx.routes.add({ method: 'get', path: '/audit', permission: 'audit.read', kind: 'page', summary: 'Audit log', query: auditQuery }, async ({ res, staff, query, ip }) => {
    const items = await ctx.audit.list(toAuditQuery(query));
    await ctx.audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'audit.view', target: 'audit', ip });
    const filters = { actor: query.actor, action: query.action, target: query.target };
    const last = items[items.length - 1];
    const body = html`<h1>Audit log</h1>
<form class="filters" method="get" action="/admin/audit" role="search" aria-label="Filter the audit log">
  <label>Who <input name="actor" type="text" value="${query.actor ?? ''}" placeholder="email"></label>
  <label>Action <select name="action"><option value="">Any</option>${AUDIT_ACTIONS.map((a) => html`<option value="${a}"${query.action === a ? html` selected` : ''}>${a}</option>`)}</select></label>
  <label>Target <input name="target" type="text" value="${query.target ?? ''}" placeholder="report id, email…"></label>
  <button type="submit">Filter</button>
  <a href="/admin/audit">Clear</a>
  <a href="${href('/api/exports/audit.csv', filters)}" download>Export (CSV)</a>
</form>
<table class="audit">
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Address</th><th scope="col">Detail</th></tr></thead>
<tbody>${items.map(
      (e) => html`<tr><td><time datetime="${e.at}">${when(e.at)}</time></td><td>${e.actor}</td><td><code>${e.action}</code></td><td>${e.target.match(/^[0-9a-f-]{36}$/) ? html`<a href="${href(`/cases/${e.target}`)}">${e.target}</a>` : e.target}</td><td>${e.ip ?? ''}</td><td>${Object.entries(e.detail ?? {}).map(([k, v]) => html`<span class="kv">${k}: ${v}</span> `)}</td></tr>`,
    )}</tbody>
</table>
${items.length === 0 ? html`<p class="empty">No entries.</p>` : ''}
${last && items.length === query.limit ? html`<p><a href="${href('/audit', { ...filters, before: last.id })}">Older entries →</a></p>` : ''}`;
    res.type('html').send(page({ title: 'Audit log', staff, current: '/audit' }, body).toString());
  });
}
