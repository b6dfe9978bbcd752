// Builds the kiosk page (bot/channels/kiosk/client, TypeScript + Preact) into dist/kiosk/: minified bundles whose
// names carry a content hash (served as immutable), and the two HTML pages that name them. Called by scripts/build.js,
// and on first request when the service runs from source (tests, development).
const { execFileSync } = require('node:child_process');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { gzipSync } = require('node:zlib');

const root = path.resolve(__dirname, '..');
const client = 'bot/channels/kiosk/client';
const ENTRIES = {
  kiosk: `${client}/main.tsx`,
  'kiosk-style': `${client}/kiosk.css`,
  neutral: `${client}/neutral.ts`,
  'neutral-style': `${client}/neutral.css`,
};

const page = ({ title, css, js, body }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="stylesheet" href="/kiosk/assets/${css}">
<script defer src="/kiosk/assets/${js}"></script>
</head>
<body>${body}</body>
</html>
`;

// Several test workers may build at once: each file appears whole or not at all.
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/**
 * Builds the kiosk into `outDir` (default dist/kiosk). Type-checks the client first unless `typeCheck` is false.
 * Resolves to the files written and the gzipped size of the page's first load (HTML + JS + CSS).
 */
async function buildKiosk({
  outDir = path.join(root, 'dist', 'kiosk'),
  typeCheck = true,
  quiet = false,
} = {}) {
  if (typeCheck) {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', path.join(root, client, 'tsconfig.json')],
      { stdio: 'inherit' },
    );
  }
  const esbuild = require('esbuild');
  const assets = path.join(outDir, 'assets');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    entryNames: '[name]-[hash]',
    outdir: assets,
    bundle: true,
    minify: true,
    format: 'iife',
    // Cheap Android tablets and iPads a few years old; esbuild cannot lower destructuring for Safari 14.
    target: ['chrome87', 'safari15', 'firefox90'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: path.join(root, client, 'tsconfig.json'),
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  mkdirSync(assets, { recursive: true });
  const names = {};
  for (const file of result.outputFiles) {
    const entry = Object.keys(ENTRIES).find(
      (name) => result.metafile.outputs[path.relative(root, file.path)]?.entryPoint === ENTRIES[name],
    );
    if (entry) names[entry] = path.basename(file.path);
    writeAtomically(file.path, file.contents);
  }
  const pages = {
    'index.html': page({
      title: 'heard',
      css: names['kiosk-style'],
      js: names.kiosk,
      body: '<div id="app"></div><noscript>This page needs JavaScript.</noscript>',
    }),
    'neutral.html': page({
      title: 'Clock',
      css: names['neutral-style'],
      js: names.neutral,
      body: '<main><h1 id="time"></h1><p id="date"></p><a href="/kiosk/">Start</a></main>',
    }),
  };
  for (const [name, html] of Object.entries(pages)) writeAtomically(path.join(outDir, name), html);
  // Old hashed files are never served again.
  const current = new Set(Object.values(names));
  for (const name of readdirSync(assets))
    if (!current.has(name) && !name.endsWith('.tmp')) rmSync(path.join(assets, name), { force: true });

  const firstLoad = [
    pages['index.html'],
    readFileSync(path.join(assets, names.kiosk)),
    readFileSync(path.join(assets, names['kiosk-style'])),
  ];
  const gzipBytes = firstLoad.reduce((sum, part) => sum + gzipSync(part).length, 0);
  if (!quiet)
    console.log(
      `kiosk built into ${path.relative(root, outDir)}: first load ${(gzipBytes / 1024).toFixed(1)} KB gzipped`,
    );
  return { outDir, files: names, gzipBytes };
}

module.exports = { buildKiosk };
