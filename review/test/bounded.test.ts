// Bounded work, end to end through the CLI: contracts built to make the
// comparison run away end within --timeout (plus the process's own start and
// stop), with a clear message. Each case is a temporary repository whose
// base commit plants the hostile shape and whose working tree changes it.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../lib/paths.ts';
import { type CommandResult, runNode } from '../../lib/run-node.ts';
import { commitAll, git } from '../../test/support/git-repo.ts';

const tsx = fromRoot('node_modules/tsx/dist/cli.mjs');
const script = fromRoot('review/cli.ts');
const apiSchema = 'openapi/components/schemas/PurchasedApi.yaml';
const fanSchema = 'openapi/components/schemas/Fan.yaml';

let repo = '';
afterEach(async () => {
  if (repo !== '') await rm(repo, { recursive: true, force: true });
  repo = '';
});

/** A repository whose base is the contract with `plant` applied, and whose working tree has `edit` on top. */
async function repository(plant: () => Promise<void>, edit: () => Promise<void>) {
  repo = await mkdtemp(join(tmpdir(), 'review-bounded-'));
  await cp(join(repoRoot, 'openapi'), join(repo, 'openapi'), { recursive: true });
  await cp(join(repoRoot, 'redocly.yaml'), join(repo, 'redocly.yaml'));
  await plant();
  git(repo, 'init', '-q', '-b', 'main');
  commitAll(repo, 'base');
  await edit();
}

async function review(...args: string[]): Promise<CommandResult & { seconds: number }> {
  const started = performance.now();
  const run = await runNode([tsx, script, '--base', 'HEAD', ...args], {
    cwd: repo,
    env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
  });
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

/**
 * `count` schemas, each `allOf: [next, next]` (a DAG: 2^count paths to the
 * last), the last a string or, with `cycle`, an allOf back to the first; the
 * API item gets a property of the first.
 */
function fanOut(count: number, last: string, cycle = false): string {
  const lines = ['type: object', 'properties:', '  fan:', "    $ref: '#/$defs/S0'", '$defs:'];
  for (let i = 0; i < count; i += 1) {
    lines.push(`  S${i}:`, '    allOf:');
    lines.push(`      - $ref: '#/$defs/S${i + 1}'`, `      - $ref: '#/$defs/S${i + 1}'`);
  }
  lines.push(`  S${count}:`, `    type: ${last}`);
  if (cycle) lines.push('    allOf:', "      - $ref: '#/$defs/S0'");
  return `${lines.join('\n')}\n`;
}

async function plantFan(count: number, cycle = false) {
  await writeFile(join(repo, fanSchema), fanOut(count, 'string', cycle));
  const api = join(repo, apiSchema);
  await writeFile(
    api,
    (await readFile(api, 'utf8')).replace(
      'properties:\n',
      'properties:\n  fan:\n    $ref: Fan.yaml\n    description: A shared-branch graph.\n',
    ),
  );
}

const changeFanLeaf =
  (count: number, cycle = false) =>
  () =>
    writeFile(join(repo, fanSchema), fanOut(count, 'integer', cycle));

describe('a $ref graph with shared branches (fan-out)', () => {
  // Past 64 nested allOf members a schema reads as unconstrained
  // (normalise.ts), so the leaf of 200 is found by the unclassified net.
  it.each([
    [24, /response-property-type-changed/],
    [40, /response-property-type-changed/],
    [200, /[1-9]\d* unclassified/],
  ])(
    'of %i schemas is compared once per node, within the deadline, and its change found',
    async (count, says) => {
      await repository(() => plantFan(count), changeFanLeaf(count));
      const run = await review('--timeout', '25');
      expect(run.stderr).not.toMatch(/gave up|work budget/);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(says);
    },
  );

  it('with a cycle through it (nothing can be kept) ends at the work budget, exit 2', async () => {
    await repository(() => plantFan(40, true), changeFanLeaf(40, true));
    const run = await review('--timeout', '25', '--max-work', '200000');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /review: the comparison needed more than 200,000 steps \(its work budget, --max-work\)/,
    );
  });

  it('and past any budget, the deadline stops it: exit 2 within --timeout', async () => {
    await repository(() => plantFan(40, true), changeFanLeaf(40, true));
    const run = await review('--timeout', '4', '--max-work', String(Number.MAX_SAFE_INTEGER));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/review: gave up after 4 s \(--timeout 4\)/);
    // Unstopped, this comparison would not end at all (2^40 merges, no budget):
    // ending proves the deadline stops it. The bound leaves room for the
    // process's own start and exit on a loaded machine (seen: 4.5 s alone,
    // 7.2 s with two test runs beside it).
    expect(run.seconds).toBeLessThan(4 + 15);
  });
});

// Two bundles and a lint of a 3 MB file: seconds alone, much more on a loaded
// machine (one run beside two test runs passed 30 s), so it has a minute and more.
describe('huge enums', () => {
  it('400,000 values merged and compared with sets, the message listing ten', async () => {
    const values = Array.from({ length: 400_000 }, (_, i) => i);
    const parameter = (schema: string) =>
      `name: huge\nin: query\ndescription: A huge enum.\nschema:\n${schema}`;
    const list = (from: number, to: number) => `[${values.slice(from, to).join(',')}]`;
    await repository(
      async () => {
        await writeFile(
          join(repo, 'openapi/components/parameters/Huge.yaml'),
          parameter(`  type: integer\n  enum: ${list(0, 400_000)}\n`),
        );
        const path = join(repo, 'openapi/paths/v1.0_apigw_purchases_apis.yaml');
        await writeFile(
          path,
          (await readFile(path, 'utf8')).replace(
            'parameters:\n',
            'parameters:\n    - $ref: ../components/parameters/Huge.yaml\n',
          ),
        );
      },
      () =>
        writeFile(
          join(repo, 'openapi/components/parameters/Huge.yaml'),
          parameter(
            `  type: integer\n  allOf:\n    - enum: ${list(0, 300_000)}\n    - enum: ${list(100_000, 400_000)}\n`,
          ),
        ),
    );
    const run = await review('--timeout', '80');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/enum value `0`, `1`, .*`9` and 199990 more removed/);
  }, 90_000);
});

describe('a translation overlay target', () => {
  it('with a catastrophic regular expression is refused unrun, naming file:line', async () => {
    const overlay = 'openapi/translations/zh.yaml';
    await repository(
      async () => undefined,
      async () => {
        const text = await readFile(join(repo, overlay), 'utf8');
        await writeFile(
          join(repo, overlay),
          `${text}  - target: "$.paths[?match(@.x, '(a+)+$')]"\n    update:\n      description: x\n`,
        );
      },
    );
    const run = await review('--timeout', '25');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /openapi\/translations\/zh\.yaml:\d+: target ".*" uses match\(\) or search\(\)/,
    );
  });
});
