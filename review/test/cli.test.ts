// `scripts/review.ts` end to end, as CI runs it: in a temporary git repository
// holding a copy of the contract, from that repository's folder, with the
// tools of this one. The cases run in order on the same repository: clean,
// then a planted breaking change, then allowed, then versioned.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../lib/paths.ts';
import { type CommandResult, runNode } from '../../lib/run-node.ts';
import { commitAll, git } from '../../test/support/git-repo.ts';

const tsx = fromRoot('node_modules/tsx/dist/cli.mjs');
const script = fromRoot('review/cli.ts');

function review(cwd: string, ...args: string[]): Promise<CommandResult> {
  // Outside GitHub Actions whatever runs the tests, so the report is the local one.
  return runNode([tsx, script, ...args], {
    cwd,
    env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
  });
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}`);
  await writeFile(file, text.replace(from, to));
}

describe('npm run review, end to end', () => {
  let repo = '';
  const detailPath = () =>
    join(repo, 'openapi/paths/v1.0_apigw_purchases_groups_{purchase_id}.yaml');

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'review-cli-'));
    await cp(join(repoRoot, 'openapi'), join(repo, 'openapi'), { recursive: true });
    await cp(join(repoRoot, 'redocly.yaml'), join(repo, 'redocly.yaml'));
    // Pinned to 1.0.0 whatever version the project's contract has reached.
    const root = join(repo, 'openapi/openapi.yaml');
    await writeFile(
      root,
      (await readFile(root, 'utf8')).replace(/^ {2}version: .*$/m, '  version: 1.0.0'),
    );
    await writeFile(join(repo, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n\nInitial contract.\n');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'contract 1.0.0');
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('reports no changes and exits 0 on a clean tree, from any folder of the repository', async () => {
    const run = await review(join(repo, 'openapi'), '--base', 'HEAD');
    expect(run.stderr).toContain('wrote ');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '**Result: passed**: no changes between the base and the head contract.',
    );
    expect(run.stdout).toContain(
      '`redocly lint` on the head contract: clean (0 errors, 0 warnings).',
    );
    expect(await readFile(join(repo, 'build/review/report.md'), 'utf8')).toBe(run.stdout);
  });

  it('fails a planted breaking change, naming it and the version to bump to', async () => {
    // The group-name filter of the groups list becomes required.
    await edit(
      join(repo, 'openapi/components/parameters/GroupNameFilter.yaml'),
      'required: false',
      'required: true',
    );
    const run = await review(repo, '--base', 'HEAD');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('**Result: FAILED**: 1 breaking');
    expect(run.stdout).toContain(
      '### `GET /v1.0/apigw/purchases/groups` (`listPurchasedGroups`)\n\n- query parameter `group_name` became required (`request-parameter-became-required`), at `openapi/components/parameters/GroupNameFilter.yaml:3`',
    );
    expect(run.stderr).toContain('--allow-breaking');
    expect(run.stderr).toContain('from `1.0.0` to `2.0.0`');
  });

  it('still fails with --allow-breaking while info.version keeps its major', async () => {
    const run = await review(repo, '--base', 'HEAD', '--allow-breaking');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('A breaking change must bump the major version');
    expect(run.stderr).not.toContain('pass `--allow-breaking`');
  });

  it('passes with --allow-breaking and a new major version, and records it in CHANGELOG.md', async () => {
    await edit(join(repo, 'openapi/openapi.yaml'), 'version: 1.0.0', 'version: 2.0.0');
    const run = await review(
      repo,
      '--base',
      'HEAD',
      '--allow-breaking',
      '--changelog',
      '--output',
      'review.md',
    );
    expect(run.stderr).toContain('updated CHANGELOG.md: section `2.0.0`');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**Result: passed**: 1 breaking');
    expect(await readFile(join(repo, 'review.md'), 'utf8')).toBe(run.stdout);
    const changelog = await readFile(join(repo, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(
      '## 2.0.0\n\n### Breaking\n\n- `GET /v1.0/apigw/purchases/groups` (`listPurchasedGroups`): query parameter `group_name` became required.',
    );
    expect(changelog.indexOf('## 2.0.0')).toBeLessThan(changelog.indexOf('## 1.0.0'));
  });

  it('exits 2 with a clear message on bad arguments or an unknown ref', async () => {
    const missing = await review(repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--base <git-ref> is required');
    const unknown = await review(repo, '--base', 'no-such-branch');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('git does not know the ref "no-such-branch"');
  });

  it('exits 2, never "passed", when the base contract cannot be read', async () => {
    const root = join(repo, 'openapi/openapi.yaml');
    const good = await readFile(root, 'utf8');
    await writeFile(root, 'openapi: 3.1.0\ninfo: [broken\n');
    commitAll(repo, 'a contract that does not parse');
    await writeFile(root, good);
    // The head even removes an operation: still exit 2, with the file and line.
    await edit(
      detailPath(),
      '    "403":\n      $ref: ../components/responses/Forbidden.yaml\n',
      '',
    );
    const run = await review(repo, '--base', 'HEAD');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /review: the base contract at \w{7} cannot be read: bundling openapi\/ failed: .*openapi\/openapi\.yaml:3:1/,
    );
    expect(run.stdout).not.toContain('passed');
  });
});
