// `npm run build:package` (also run by `npm pack`): compiles src/ to dist/
// (ESM + .d.ts) from a clean folder, so no stale module is ever published.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fromRoot, repoRoot } from '../lib/paths.ts';

await rm(fromRoot('dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
console.log('wrote dist/ (tsc -p tsconfig.build.json)');
