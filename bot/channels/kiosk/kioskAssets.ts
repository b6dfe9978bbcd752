import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder up with a package.json (same from source and from dist/). */
function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export interface KioskAssets {
  /** Where the built pages and assets are (dist/kiosk). */
  dir: string;
  /** Resolves once the built page is there; outside production it builds it first when missing or stale. */
  ready(): Promise<void>;
}

/**
 * The kiosk's built files. `npm run build` makes them (scripts/buildKiosk.js); when tests or `ts-node` run from
 * source, the first request builds them instead, so nobody has to remember.
 */
export function kioskAssets(production: boolean, dir = path.join(repoRoot(), 'dist', 'kiosk')): KioskAssets {
  let building: Promise<void> | undefined;
  return {
    dir,
    ready() {
      if (production) return Promise.resolve();
      building ??= buildIfStale(dir).catch((err: unknown) => {
        building = undefined;
        throw err;
      });
      return building;
    },
  };
}

async function buildIfStale(dir: string): Promise<void> {
  const root = repoRoot();
  const client = path.join(root, 'bot', 'channels', 'kiosk', 'client');
  const page = path.join(dir, 'index.html');
  if (existsSync(page) && existsSync(client) && newest(client) <= statSync(page).mtimeMs) return;
  // A development-time tool: esbuild is a devDependency and this never runs in production.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildKiosk } = require(path.join(root, 'scripts', 'buildKiosk.js')) as {
    buildKiosk(o: { outDir: string; typeCheck: boolean; quiet: boolean }): Promise<unknown>;
  };
  // The client's type check is a test of its own; here only the bundle is needed.
  await buildKiosk({ outDir: dir, typeCheck: false, quiet: true });
}

function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newest(p) : statSync(p).mtimeMs;
    }),
  );
}
