// `npm run check:generated`: fails when generated/ differs from what
// `npm run generate` would write now.

import { readFile } from 'node:fs/promises';
import { fromRoot } from '../lib/paths.ts';
import { scriptArgs } from '../lib/script.ts';
import { renderGenerated } from './render-generated.ts';

scriptArgs(
  `Usage: npm run check:generated [--verbose]\n\nFails (exit 1) when generated/ differs from what npm run generate would write now.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run check:generated`,
);

const stale: string[] = [];
for (const [file, expected] of await renderGenerated()) {
  const actual = await readFile(fromRoot(file), 'utf8').catch(() => undefined);
  if (actual !== expected) stale.push(actual === undefined ? `${file} (missing)` : file);
}
if (stale.length > 0) {
  console.error(
    `generated/ is stale: ${stale.join(', ')}\nRun \`npm run generate\` and commit the result.`,
  );
  process.exit(1);
}
console.log('generated/ is fresh');
