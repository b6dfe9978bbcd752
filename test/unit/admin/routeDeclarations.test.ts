import { Router } from 'express';
import { PERMISSIONS } from '../../../admin/auth/permissions';
import { builtAdmin } from './adminFixture';

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: { permission?: unknown } }[] };
}

/** Every route on the router whose first handler is not a permission guard. */
function undeclaredRoutes(router: Router): string[] {
  return (router.stack as Layer[])
    .filter((l) => l.route)
    .filter((l) => !PERMISSIONS.includes(l.route!.stack[0]?.handle.permission as (typeof PERMISSIONS)[number]))
    .map((l) => `${Object.keys(l.route!.methods).join(',').toUpperCase()} ${l.route!.path}`);
}

describe('route declarations', () => {
  it('puts a permission guard first on every admin route', () => {
    const admin = builtAdmin();
    const routes = (admin.router.stack as Layer[]).filter((l) => l.route);
    expect(routes.length).toBe(admin.routes.specs.length);
    expect(routes.length).toBeGreaterThan(50);
    expect(undeclaredRoutes(admin.router)).toEqual([]);
    admin.close();
  });

  it('finds a route added without declaring a permission', () => {
    const admin = builtAdmin();
    admin.router.get('/rogue', (_req, res) => void res.send('no guard'));
    expect(undeclaredRoutes(admin.router)).toEqual(['GET /rogue']);
    admin.close();
  });

  it('keeps public routes to sign-in and the static files', () => {
    const admin = builtAdmin();
    const publicRoutes = admin.routes.specs.filter((s) => s.permission === 'public').map((s) => `${s.method} ${s.path}`);
    expect(publicRoutes.sort()).toEqual(['get /', 'get /signin', 'get /static/admin.css', 'get /static/admin.js', 'post /api/session', 'post /signin']);
    admin.close();
  });
});
