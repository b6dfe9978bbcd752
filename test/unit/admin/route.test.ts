import express from 'express';
import { AddressInfo } from 'node:net';
import { Routes } from '../../../admin/auth/route';
import { MemorySessionStore } from '../../../core/sessions/memorySessionStore';
import { IDLE_MS, startSession } from '../../../core/sessions/sessionPolicy';
import { StaffUser } from '../../../core/users/types';

const user: StaffUser = {
  id: 'u1',
  email: 'ana@monitor.example',
  name: 'Ana',
  role: 'triager',
  facilityIds: [],
  passwordHash: 'x',
  totpSecret: 'JBSWY3DPEHPK3PXP',
  totpActive: true,
  disabled: false,
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

describe('the route guard', () => {
  it('moves the idle limit on activity (at most once a minute), but not for a passive route', async () => {
    let t = Date.parse('2026-11-02T10:00:00Z');
    const sessions = new MemorySessionStore(() => t);
    const { session } = startSession(user.id, 'full', new Date(t));
    await sessions.create(session);
    const app = express();
    app.use(async (_req, res, next) => {
      res.locals.staff = { user, session: (await sessions.get(session.id))! };
      next();
    });
    const routes = new Routes(express.Router(), sessions, () => new Date(t));
    routes.add({ method: 'get', path: '/active', permission: 'signedIn', kind: 'api', summary: 'x' }, async ({ res }) => void res.end());
    routes.add({ method: 'get', path: '/passive', permission: 'signedIn', kind: 'api', summary: 'x', passive: true }, async ({ res }) => void res.end());
    app.use(routes.router);
    const server = app.listen(0);
    const get = (p: string) => fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${p}`);
    const idle = async () => Date.parse((await sessions.get(session.id))!.idleExpiresAt);

    t += 30_000;
    await get('/active');
    expect(await idle()).toBe(Date.parse(session.idleExpiresAt));
    t += 60_000;
    await get('/passive');
    expect(await idle()).toBe(Date.parse(session.idleExpiresAt));
    await get('/active');
    expect(await idle()).toBe(t + IDLE_MS);
    server.close();
  });

  it('answers a guard failure before reading the body or calling the handler', async () => {
    const routes = new Routes(express.Router(), new MemorySessionStore(), () => new Date());
    let called = false;
    routes.add({ method: 'post', path: '/x', permission: 'cases.write', kind: 'api', summary: 'x' }, async () => void (called = true));
    const app = express();
    app.use(routes.router);
    app.use((err: { status: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(err.status).end());
    const server = app.listen(0);
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    expect(called).toBe(false);
    server.close();
  });
});
