import { AdminContext } from '../context';
import { contentOverview } from '../api/adminApi';
import { html } from './html';
import { page } from './layout';

/** Review status of each language's content, and the helplines the bot gives (read-only: they are files). */
export function contentPage(ctx: AdminContext): void {
  ctx.routes.add({ method: 'get', path: '/content', permission: 'content.read', kind: 'page', summary: 'Content review status and helplines' }, async ({ res, staff }) => {
    const { languages, helplines } = contentOverview(ctx);
    const body = html`<h1>Content</h1>
<section aria-labelledby="lang-h">
<h2 id="lang-h">Languages</h2>
<table>
<thead><tr><th scope="col">Language</th><th scope="col">Review</th><th scope="col">Drafted by</th><th scope="col">Note</th></tr></thead>
<tbody>${languages.map(
      (l) => html`<tr><th scope="row">${l.englishName} <span lang="${l.code}">${l.name}</span> <code>${l.code}</code></th><td>${l.review === 'reviewed' ? 'reviewed' : html`<strong class="warn">draft, not reviewed</strong>`}</td><td>${l.drafted}</td><td>${l.reviewNote ?? ''}</td></tr>`,
    )}</tbody>
</table>
<p class="help">Content lives in content/locales/&lt;language&gt;/; a language is marked reviewed in its meta.json once a native speaker who works with children has checked every file.</p>
</section>
<section aria-labelledby="help-h">
<h2 id="help-h">Helplines</h2>
<table>
<thead><tr><th scope="col">Country</th><th scope="col">Helpline</th><th scope="col">Number</th><th scope="col">Hours</th><th scope="col">Verified</th><th scope="col">Note</th></tr></thead>
<tbody>${helplines.map(
      (h) => html`<tr><td>${h.country}</td><td>${h.name}</td><td>${h.number}</td><td>${h.hours ?? 'unknown'}</td><td>${h.verified ? 'yes' : html`<strong class="warn">no</strong>`}</td><td>${h.note ?? ''}</td></tr>`,
    )}</tbody>
</table>
<p class="help">From content/helplines.json. Call each number before going live and set "verified" to true.</p>
</section>`;
    res.type('html').send(page({ title: 'Content', staff, current: '/content' }, body).toString());
  });
}
