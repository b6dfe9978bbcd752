import { z } from 'zod';
import { facilitySchema } from '../../core/facilities/types';
import { AdminContext } from '../context';
import { newUserBody, publicUser, userChangeBody } from '../users/userAdmin';
import { NotFound } from '../errors';

const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  facilityIds: z.array(z.string()),
  totpActive: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export const facilityBody = facilitySchema.omit({ id: true });
const deviceRow = z.object({ id: z.string(), facilityId: z.string(), label: z.string(), status: z.string(), createdAt: z.string() });
export const newDeviceBody = z.object({ facilityId: z.string().min(1).max(64), label: z.string().trim().min(1).max(80) });

/** Administration: facilities, users and roles, kiosk devices, content review status and helplines. */
export function adminApi(ctx: AdminContext): void {
  const { routes, userAdmin } = ctx;

  routes.add({ method: 'get', path: '/api/facilities', permission: 'signedIn', kind: 'api', summary: 'Facilities', response: z.object({ items: z.array(facilitySchema) }) }, async ({ res }) => {
    res.json({ items: await ctx.facilities.list() });
  });

  routes.add(
    { method: 'put', path: '/api/facilities/:id', permission: 'facilities.manage', kind: 'api', summary: 'Create or change a facility', body: facilityBody, response: facilitySchema },
    async ({ res, staff, params, body, ip }) => {
      const facility = facilitySchema.parse({ ...body, id: params.id });
      await ctx.facilities.upsert(facility);
      await ctx.audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'facility.upsert', target: facility.id, ip, detail: { name: facility.name } });
      res.json(facility);
    },
  );

  routes.add({ method: 'get', path: '/api/users', permission: 'users.manage', kind: 'api', summary: 'Staff users', response: z.object({ items: z.array(publicUserSchema) }) }, async ({ res }) => {
    res.json({ items: (await ctx.users.list()).map(publicUser) });
  });

  routes.add(
    {
      method: 'post',
      path: '/api/users',
      permission: 'users.manage',
      kind: 'api',
      summary: 'Create a user; answers a one-time password to hand over. The user enrols an authenticator at first sign-in.',
      body: newUserBody,
      response: z.object({ user: publicUserSchema, password: z.string() }),
    },
    async ({ res, staff, body, ip }) => {
      const { user, password } = await userAdmin.create(staff.user, body, ip);
      res.status(201).json({ user: publicUser(user), password });
    },
  );

  routes.add(
    { method: 'patch', path: '/api/users/:id', permission: 'users.manage', kind: 'api', summary: 'Change role, facilities, name or access (ends their sessions)', body: userChangeBody, response: publicUserSchema },
    async ({ res, staff, params, body, ip }) => {
      res.json(publicUser(await userAdmin.change(staff.user, params.id, body, ip)));
    },
  );

  routes.add(
    { method: 'post', path: '/api/users/:id/reset-totp', permission: 'users.manage', kind: 'api', summary: 'New authenticator secret; the user enrols again', response: publicUserSchema },
    async ({ res, staff, params, ip }) => {
      res.json(publicUser(await userAdmin.resetTotp(staff.user, params.id, ip)));
    },
  );

  routes.add(
    { method: 'post', path: '/api/users/:id/reset-password', permission: 'users.manage', kind: 'api', summary: 'New one-time password', response: z.object({ user: publicUserSchema, password: z.string() }) },
    async ({ res, staff, params, ip }) => {
      const { user, password } = await userAdmin.resetPassword(staff.user, params.id, ip);
      res.json({ user: publicUser(user), password });
    },
  );

  routes.add({ method: 'get', path: '/api/devices', permission: 'devices.manage', kind: 'api', summary: 'Kiosk devices', response: z.object({ items: z.array(deviceRow) }) }, async ({ res }) => {
    res.json({ items: ctx.devices ? await ctx.devices.list() : [] });
  });

  routes.add(
    { method: 'post', path: '/api/devices', permission: 'devices.manage', kind: 'api', summary: 'Create a kiosk device; answers its one-time enrolment link', body: newDeviceBody, response: z.object({ device: deviceRow, enrolmentUrl: z.string() }) },
    async ({ res, staff, body, ip }) => {
      if (!ctx.devices) throw new NotFound('device administration');
      if (!(await ctx.facilities.get(body.facilityId))) throw new NotFound('facility');
      const created = await ctx.devices.create({ ...body, actor: staff.user.email });
      await ctx.audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'device.create', target: created.device.id, ip, detail: { facility: body.facilityId } });
      res.status(201).json(created);
    },
  );

  routes.add({ method: 'post', path: '/api/devices/:id/revoke', permission: 'devices.manage', kind: 'api', summary: 'Revoke a kiosk device' }, async ({ res, staff, params, ip }) => {
    if (!ctx.devices) throw new NotFound('device administration');
    await ctx.devices.revoke(params.id, staff.user.email);
    await ctx.audit.append({ at: ctx.now().toISOString(), actor: staff.user.email, action: 'device.revoke', target: params.id, ip });
    res.status(204).end();
  });

  routes.add(
    {
      method: 'get',
      path: '/api/content',
      permission: 'content.read',
      kind: 'api',
      summary: 'Review status of each language and the helplines (read-only)',
      response: z.object({ languages: z.array(z.record(z.string(), z.unknown())), helplines: z.array(z.record(z.string(), z.unknown())) }),
    },
    async ({ res }) => {
      res.json(contentOverview(ctx));
    },
  );
}

export function contentOverview(ctx: AdminContext) {
  return {
    languages: Object.entries(ctx.content.meta).map(([code, m]) => ({ code, name: m.name, englishName: m.englishName, country: m.country, review: m.review, drafted: m.drafted, reviewNote: m.reviewNote })),
    helplines: ctx.content.helplines,
  };
}
