import { Response } from 'express';
import { z } from 'zod';
import { Facility } from '../../core/facilities/types';
import { ROLES, roleSchema, StaffUser } from '../../core/users/types';
import { AdminContext } from '../context';
import { Staff } from '../auth/staff';
import { html, href, seg, SafeHtml } from './html';
import { csrfField, page } from './layout';
import { checkbox, manyField } from './formFields';

const ROLE_HELP = 'Triager: cases of their facilities. Supervisor: all cases, statistics, audit log. Admin: all of that, plus users, facilities, devices and content.';
const NOTICES: Record<string, string> = { saved: 'User changed. Their sessions have ended.', totp: 'Authenticator reset: they set it up again at next sign-in.' };

/** Users and roles: create (one-time password shown once), change role/facilities/access, reset authenticator or password. */
export function usersPage(ctx: AdminContext): void {
  const { routes, userAdmin } = ctx;

  routes.add({ method: 'get', path: '/users', permission: 'users.manage', kind: 'page', summary: 'Users and roles' }, async ({ req, res, staff }) => {
    await send(ctx, res, staff, typeof req.query.done === 'string' ? NOTICES[req.query.done] : undefined);
  });

  routes.add(
    {
      method: 'post',
      path: '/users',
      permission: 'users.manage',
      kind: 'page',
      summary: 'Create a user',
      body: z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(100), role: roleSchema, facilityIds: manyField(z.string().max(64)) }),
    },
    async ({ res, staff, body, ip }) => {
      const { user, password } = await userAdmin.create(staff.user, body, ip);
      await send(ctx, res, staff, undefined, oneTime(user, password, 'created'));
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/users/:id',
      permission: 'users.manage',
      kind: 'page',
      summary: 'Change a user',
      body: z.object({ role: roleSchema, facilityIds: manyField(z.string().max(64)), disabled: checkbox }),
    },
    async ({ res, staff, params, body, ip }) => {
      await userAdmin.change(staff.user, params.id, body, ip);
      res.redirect(303, '/admin/users?done=saved');
    },
  );

  routes.add({ method: 'post', path: '/users/:id/reset-totp', permission: 'users.manage', kind: 'page', summary: 'Reset a user’s authenticator' }, async ({ res, staff, params, ip }) => {
    await userAdmin.resetTotp(staff.user, params.id, ip);
    res.redirect(303, '/admin/users?done=totp');
  });

  routes.add({ method: 'post', path: '/users/:id/reset-password', permission: 'users.manage', kind: 'page', summary: 'Reset a user’s password' }, async ({ res, staff, params, ip }) => {
    const { user, password } = await userAdmin.resetPassword(staff.user, params.id, ip);
    await send(ctx, res, staff, undefined, oneTime(user, password, 'given a new password'));
  });
}

function oneTime(user: StaffUser, password: string, what: string): SafeHtml {
  return html`<div class="card onetime" role="status"><p><strong>${user.email}</strong> was ${what}. Their one-time password is shown only now:</p>
<p><code class="secret">${password}</code></p><p class="help">Hand it over in person or by phone, never by email. At first sign-in they set up an authenticator app.</p></div>`;
}

async function send(ctx: AdminContext, res: Response, staff: Staff, notice?: string, banner?: SafeHtml): Promise<void> {
  const users = await ctx.users.list();
  const facilities = await ctx.facilities.list();
  const body = html`<h1>Users and roles</h1>
${banner ?? ''}
<p class="help">${ROLE_HELP}</p>
<table class="users">
<thead><tr><th scope="col">User</th><th scope="col">Authenticator</th><th scope="col">Role, facilities, access</th><th scope="col">Resets</th></tr></thead>
<tbody>${users.map((u) => userRow(staff, u, facilities))}</tbody>
</table>
<form method="post" action="/admin/users" class="card narrow">
  ${csrfField(staff)}
  <h2>Add a user</h2>
  <label for="u-email">Email</label><input id="u-email" name="email" type="email" required maxlength="320">
  <label for="u-name">Name</label><input id="u-name" name="name" required maxlength="100">
  <label for="u-role">Role</label><select id="u-role" name="role">${ROLES.map((r) => html`<option value="${r}">${r}</option>`)}</select>
  <fieldset><legend>Facilities (for triagers)</legend>${facilities.map((f) => html`<label class="check"><input type="checkbox" name="facilityIds" value="${f.id}"> ${f.name}</label>`)}</fieldset>
  <button type="submit" class="primary">Create user</button>
</form>`;
  res.type('html').send(page({ title: 'Users', staff, current: '/users', notice }, body).toString());
}

function userRow(staff: Staff, u: StaffUser, facilities: Facility[]): SafeHtml {
  const action = (what = '') => href(`/users/${seg(u.id)}${what}`);
  return html`<tr${u.disabled ? html` class="muted"` : ''}>
<th scope="row">${u.name}<br><span class="muted">${u.email}</span></th>
<td>${u.totpActive ? 'set up' : html`<strong>not set up yet</strong>`}</td>
<td><form method="post" action="${action()}" class="row-form">${csrfField(staff)}
  <label>Role <select name="role">${ROLES.map((r) => html`<option value="${r}"${r === u.role ? html` selected` : ''}>${r}</option>`)}</select></label>
  <fieldset><legend class="sr-only">Facilities of ${u.email}</legend>${facilities.map((f) => html`<label class="check"><input type="checkbox" name="facilityIds" value="${f.id}"${u.facilityIds.includes(f.id) ? html` checked` : ''}> ${f.name}</label>`)}</fieldset>
  <label class="check"><input type="checkbox" name="disabled"${u.disabled ? html` checked` : ''}> Disabled</label>
  <button type="submit">Save</button></form></td>
<td><form method="post" action="${action('/reset-totp')}" class="inline">${csrfField(staff)}<button type="submit">Reset authenticator</button></form>
<form method="post" action="${action('/reset-password')}" class="inline">${csrfField(staff)}<button type="submit">New password</button></form></td>
</tr>`;
}
