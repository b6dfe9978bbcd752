import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The browser client is outside the main tsconfig (it needs DOM and Preact's JSX): it is type-checked here.
it('the kiosk browser client type-checks under its own tsconfig', () => {
  const root = path.resolve(__dirname, '../..');
  const result = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'bot/channels/kiosk/client/tsconfig.json')],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 60_000);
