import { AdminContext } from '../context';
import { newDeviceBody } from '../api/adminApi';
import { html, href, seg } from './html';
import { csrfField, page } from './layout';
import { when } from './format';

/** Kiosk devices through core/devices: create (one-time enrolment link), list, revoke. */
export function devicesPage(ctx: AdminContext): void {
  const { routes } = ctx;
  routes.add({ method: 'get', path: '/devices', permission: 'devices.manage', kind: 'page', summary: 'Kiosk devices' }, async ({ req, res, staff }) => {
    res.type('html').send((await render(ctx, staff, req.query.done === 'revoked' ? 'Device revoked.' : undefined)).toString());
  });

  routes.add({ method: 'post', path: '/devices', permission: 'devices.manage', kind: 'page', summary: 'Create a kiosk device', body: newDeviceBody }, async ({ res, staff, body, ip }) => {
    if (!ctx.devices || !(await ctx.facilities.get(body.facilityId))) return void res.redirect(303, '/admin/devices');
    const { device, enrolmentUrl } = await ctx.devices.create({ ...body, actor: staff.user.email });
    await ctx.audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'device.create', target: device.id, ip, detail: { facility: body.facilityId } });
    const banner = html`<div class="card onetime" role="status"><p>Device <strong>${device.label}</strong> created. Open this enrolment link once, on the tablet itself:</p><p><code class="secret">${enrolmentUrl}</code></p></div>`;
    res.type('html').send((await render(ctx, staff, undefined, banner)).toString());
  });

  routes.add({ method: 'post', path: '/devices/:id/revoke', permission: 'devices.manage', kind: 'page', summary: 'Revoke a kiosk device' }, async ({ res, staff, params, ip }) => {
    if (ctx.devices) {
      await ctx.devices.revoke(params.id, staff.user.email);
      await ctx.audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'device.revoke', target: params.id, ip });
    }
    res.redirect(303, '/admin/devices?done=revoked');
  });
}

async function render(ctx: AdminContext, staff: Parameters<typeof csrfField>[0], notice?: string, banner?: ReturnType<typeof html>) {
  if (!ctx.devices) {
    return page({ title: 'Kiosk devices', staff, current: '/devices' }, html`<h1>Kiosk devices</h1><p class="muted">Kiosk device administration is not available in this deployment.</p>`);
  }
  const devices = await ctx.devices.list();
  const facilities = await ctx.facilities.list();
  const names = new Map(facilities.map((f) => [f.id, f.name]));
  return page(
    { title: 'Kiosk devices', staff, current: '/devices', notice },
    html`<h1>Kiosk devices</h1>
${banner ?? ''}
<table>
<thead><tr><th scope="col">Device</th><th scope="col">Facility</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
<tbody>${devices.map(
      (d) => html`<tr><th scope="row">${d.label}<br><code class="muted">${d.id}</code></th><td>${names.get(d.facilityId) ?? d.facilityId}</td><td>${d.status}</td><td>${when(d.createdAt)}</td>
<td>${d.status === 'revoked' ? '' : html`<form method="post" action="${href(`/devices/${seg(d.id)}/revoke`)}" class="inline">${csrfField(staff)}<button type="submit" class="danger">Revoke</button></form>`}</td></tr>`,
    )}</tbody>
</table>
<form method="post" action="/admin/devices" class="card narrow">
  ${csrfField(staff)}
  <h2>Add a kiosk device</h2>
  <label for="d-facility">Facility</label>
  <select id="d-facility" name="facilityId" required>${facilities.map((f) => html`<option value="${f.id}">${f.name}</option>`)}</select>
  <label for="d-label">Label (where it stands)</label>
  <input id="d-label" name="label" required maxlength="80">
  <button type="submit" class="primary">Create device</button>
</form>`,
  );
}
