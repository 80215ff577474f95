// `npm run build:package` (also run by `npm pack`): compiles src/ to dist/
// (ESM + .d.ts) from a clean folder, so no stale module is ever published,
// and bundles the package's command (mock/bin.ts: `apig-purchases mock`,
// `apig-purchases proxy`) into dist/cli.js with esbuild: the same code as
// `npm run mock`, runnable without tsx. dist/ sits one level below the
// package root, as lib/ does, so the bundle finds generated/ where the
// sources do.

import { spawnSync } from 'node:child_process';
import { chmod, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { fromRoot, repoRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';

scriptArgs(
  `Usage: npm run build:package [--verbose]\n\nCompiles src/ to dist/ and bundles the apig-purchases command into dist/cli.js.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run build:package`,
);

await rm(fromRoot('dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
console.log('wrote dist/ (tsc -p tsconfig.build.json)');

await build({
  entryPoints: [fromRoot('mock/bin.ts')],
  outfile: fromRoot('dist/cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
await chmod(fromRoot('dist/cli.js'), 0o755);
console.log('wrote dist/cli.js (esbuild mock/bin.ts)');
