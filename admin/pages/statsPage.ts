import { AdminContext } from '../context';
import { can } from '../auth/permissions';
import { html } from './html';
import { page } from './layout';
import { when, words } from './format';

/** Statistics: reports by category and month (as a table with bars), facility overview for visit planning, views. */
export function statsPage(ctx: AdminContext): void {
  ctx.routes.add({ method: 'get', path: '/stats', permission: 'stats.read', kind: 'page', summary: 'Statistics' }, async ({ res, staff }) => {
    const s = await ctx.stats.statistics();
    const months = [...new Set(s.byCategoryMonth.map((r) => r.month))].slice(0, 12);
    const categories = [...new Set(s.byCategoryMonth.map((r) => r.category))].sort();
    const count = (m: string, c: string) => s.byCategoryMonth.find((r) => r.month === m && r.category === c)?.count ?? 0;
    const max = Math.max(1, ...s.byCategoryMonth.map((r) => r.count));
    const names = new Map((await ctx.facilities.list()).map((f) => [f.id, f.name]));
    const body = html`<h1>Statistics</h1>
<p class="exports">
  ${can(staff.user.role, 'cases.export') ? html`<a href="/admin/api/exports/reports.csv" download>Reports (CSV, no text)</a>` : ''}
  <a href="/admin/api/exports/statistics.csv" download>Internal statistics (CSV)</a>
  <a href="/admin/api/exports/publishable.csv" download>Publishable statistics (CSV, groups of ${s.minGroup} or more)</a>
  <span class="help">Every export is recorded in the audit log.</span>
</p>

<section aria-labelledby="fac-h">
<h2 id="fac-h">Facilities: where a visit may be due</h2>
<table>
<thead><tr><th scope="col">Facility</th><th scope="col" class="num">Open</th><th scope="col" class="num">Urgent open</th><th scope="col" class="num">Overdue</th><th scope="col" class="num">All reports</th><th scope="col">Last report</th></tr></thead>
<tbody>${s.facilities.map(
      (f) => html`<tr><th scope="row"><a href="/admin/queue?facility=${encodeURIComponent(f.facilityId)}">${f.name}</a></th><td class="num">${f.open}</td><td class="num${f.urgentOpen ? ' count-urgent' : ''}">${f.urgentOpen}</td><td class="num${f.overdue ? ' count-overdue' : ''}">${f.overdue}</td><td class="num">${f.total}</td><td>${f.lastReportAt ? when(f.lastReportAt) : html`<span class="muted">never</span>`}</td></tr>`,
    )}</tbody>
</table>
</section>

<section aria-labelledby="cat-h">
<h2 id="cat-h">Reports by category and month</h2>
${
  months.length
    ? html`<div class="scroll"><table class="matrix">
<thead><tr><th scope="col">Category</th>${months.map((m) => html`<th scope="col" class="num">${m}</th>`)}</tr></thead>
<tbody>${categories.map(
        (c) => html`<tr><th scope="row">${words(c)}</th>${months.map((m) => {
          const n = count(m, c);
          return html`<td class="num bar-cell"><span class="bar bar-${Math.round((n / max) * 10)}" aria-hidden="true"></span>${n}</td>`;
        })}</tr>`,
      )}</tbody>
</table></div>`
    : html`<p class="muted">No reports yet.</p>`
}
</section>

<section aria-labelledby="views-h">
<h2 id="views-h">Children’s views</h2>
${
  !s.views
    ? html`<p class="muted">Survey views are not available in this deployment yet.</p>`
    : s.views.length === 0
      ? html`<p class="muted">No facility has reached ${s.minGroup} answers to a question yet; smaller groups are hidden so no child can be identified.</p>`
      : html`<table><thead><tr><th scope="col">Facility</th><th scope="col">Month</th><th scope="col">Question</th><th scope="col" class="num">Answered</th><th scope="col" class="num">Mean (1–5)</th><th scope="col">Answers 1 → 5</th></tr></thead>
<tbody>${s.views.map(
          (v) =>
            html`<tr><td>${names.get(v.facilityId) ?? v.facilityId}</td><td>${v.month}</td><td>${words(v.questionId)}</td><td class="num">${v.answered}</td><td class="num">${v.mean.toFixed(2)}</td><td>${(['1', '2', '3', '4', '5'] as const).map(
              (k) => html`<span class="bar bar-${Math.round((v.counts[k] / v.answered) * 10)}" title="${k}: ${v.counts[k]}"></span><span class="sr-only">${k}: ${v.counts[k]}; </span>`,
            )}</td></tr>`,
        )}</tbody></table>
<p class="help">Only groups of ${s.minGroup} children or more are shown.</p>`
}
</section>`;
    res.type('html').send(page({ title: 'Statistics', staff, current: '/stats' }, body).toString());
  });
}
