import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AdminContext } from '../context';

// The build compiles TypeScript only; when running from dist/, the files are read from the source tree next to it.
function staticDir(): string {
  const here = path.join(__dirname, 'static');
  return existsSync(here) ? here : path.resolve(__dirname, '../../../admin/pages/static');
}

/** The stylesheet and the one client script (no inline script or style anywhere, for the CSP). */
export function staticRoutes(ctx: AdminContext): void {
  const dir = staticDir();
  const files = [
    { name: 'admin.css', type: 'text/css' as const },
    { name: 'admin.js', type: 'text/javascript' as const },
  ];
  for (const f of files) {
    const body = readFileSync(path.join(dir, f.name));
    ctx.routes.add({ method: 'get', path: `/static/${f.name}`, permission: 'public', kind: 'page', summary: f.name, produces: f.type }, async ({ res }) => {
      res.type(`${f.type}; charset=utf-8`).send(body);
    });
  }
}
