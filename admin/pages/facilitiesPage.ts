import { z } from 'zod';
import { FACILITY_KINDS, facilitySchema } from '../../core/facilities/types';
import { AdminContext } from '../context';
import { html } from './html';
import { csrfField, page } from './layout';
import { words } from './format';

/** Facilities: list, add, change. */
export function facilitiesPage(ctx: AdminContext): void {
  const { routes } = ctx;
  routes.add({ method: 'get', path: '/facilities', permission: 'facilities.manage', kind: 'page', summary: 'Facilities' }, async ({ req, res, staff }) => {
    const facilities = await ctx.facilities.list();
    const body = html`<h1>Facilities</h1>
<table>
<thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Country</th><th scope="col">Kind</th></tr></thead>
<tbody>${facilities.map((f) => html`<tr><td><code>${f.id}</code></td><td>${f.name}</td><td>${f.country}</td><td>${words(f.kind)}</td></tr>`)}</tbody>
</table>
<form method="post" action="/admin/facilities" class="card narrow">
  ${csrfField(staff)}
  <h2>Add or change a facility</h2>
  <p class="help">Using an existing id changes that facility.</p>
  <label for="f-id">Id (lower-case letters, digits, dashes)</label>
  <input id="f-id" name="id" required pattern="[a-z0-9][a-z0-9\\-]{0,62}" maxlength="63">
  <label for="f-name">Name</label>
  <input id="f-name" name="name" required maxlength="120">
  <label for="f-country">Country (ISO code, e.g. TH)</label>
  <input id="f-country" name="country" required pattern="[A-Z]{2}" maxlength="2">
  <label for="f-kind">Kind</label>
  <select id="f-kind" name="kind">${FACILITY_KINDS.map((k) => html`<option value="${k}">${words(k)}</option>`)}</select>
  <button type="submit" class="primary">Save facility</button>
</form>`;
    res.type('html').send(page({ title: 'Facilities', staff, current: '/facilities', notice: req.query.done === 'saved' ? 'Facility saved.' : undefined }, body).toString());
  });

  routes.add({ method: 'post', path: '/facilities', permission: 'facilities.manage', kind: 'page', summary: 'Save a facility', body: facilitySchema.extend({ country: z.string().trim().toUpperCase().pipe(facilitySchema.shape.country) }) }, async ({ res, staff, body, ip }) => {
    await ctx.facilities.upsert(body);
    await ctx.audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'facility.upsert', target: body.id, ip, detail: { name: body.name } });
    res.redirect(303, '/admin/facilities?done=saved');
  });
}
