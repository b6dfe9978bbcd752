// Builds the service into dist/: TypeScript (incremental, so a second run is quick), the JSON data files the code
// reads at run time, and the kiosk's browser bundle.
const { execFileSync } = require('node:child_process');
const { cpSync, readdirSync, statSync, existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});

function copyJson(rel) {
  const from = path.join(root, rel);
  if (!existsSync(from)) return;
  for (const name of readdirSync(from)) {
    const src = path.join(from, name);
    if (statSync(src).isDirectory()) copyJson(path.join(rel, name));
    else if (name.endsWith('.json')) cpSync(src, path.join(root, 'dist', rel, name));
  }
}
for (const dir of ['content', 'core']) copyJson(dir);

const kiosk = path.join(root, 'scripts', 'buildKiosk.js');
if (existsSync(kiosk)) require(kiosk).buildKiosk();
