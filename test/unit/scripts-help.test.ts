// Every npm script entry of ours answers --help: usage, then exit 0, and
// nothing else runs (no build, no server).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../lib/paths.ts';
import { runNode } from '../../lib/run-node.ts';

const scripts = (
  JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const entries = Object.entries(scripts)
  .map(
    ([name, command]) => [name, /^(?:tsx|node --import tsx) (\S+\.ts)/.exec(command)?.[1]] as const,
  )
  .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);

describe('npm run <script> -- --help', () => {
  it('finds the scripts that run our own code', () => {
    expect(entries.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'generate',
        'check:generated',
        'mock',
        'mock:proxy',
        'review',
        'docs',
      ]),
    );
  });

  it.each(entries)('%s prints its usage and exits 0', async (_, file) => {
    const run = await runNode(['--import', 'tsx', fromRoot(file), '--help'], { cwd: repoRoot });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: /);
    expect(run.code).toBe(0);
  });
});
