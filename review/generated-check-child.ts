// The child of generated-check.ts: renders generated/ from the openapi/ of
// the tree named on the command line (this repository's generator, the given
// Redocly configuration) and prints, as JSON, the files that differ there,
// or why the generator refused that openapi/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderGenerated } from '../scripts/render-generated.ts';

const [top = '.', config] = process.argv.slice(2);
try {
  const stale: { file: string; missing: boolean }[] = [];
  for (const [file, expected] of await renderGenerated(top, config ? { config } : {})) {
    const actual = await readFile(join(top, file), 'utf8').catch(() => undefined);
    if (actual !== expected) stale.push({ file, missing: actual === undefined });
  }
  process.stdout.write(JSON.stringify({ stale }));
} catch (error) {
  process.stdout.write(JSON.stringify({ refused: (error as Error).message }));
}
