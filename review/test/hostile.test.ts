// The review's trust model, end to end: the head's openapi/ is hostile data.
// Each case plants one attack in a temporary repository's working tree and
// runs the real CLI: refs that leave the tree, URLs, symlinks, an alias bomb,
// a FIFO, an oversized file, a forged verdict, a plugin in redocly.yaml.
// Nothing of a target may reach any output, and the exit code is 2 ("cannot
// compare"), never a pass.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../lib/paths.ts';
import { type CommandResult, runNode } from '../../lib/run-node.ts';
import { commitAll, git } from '../../test/support/git-repo.ts';
import { treeLimits } from '../contract-tree.ts';
import { CannotReview } from '../errors.ts';
import { checkHead } from '../load.ts';

const tsx = fromRoot('node_modules/tsx/dist/cli.mjs');
const script = fromRoot('review/cli.ts');
const secret = 'TOP-SECRET-7f3a9c';

describe('the review treats the head as hostile data', () => {
  let repo = '';
  let outside = '';
  let server: Server;
  let hits = 0;
  const detail = () => join(repo, 'openapi/paths/v1.0_apigw_purchases_groups_{purchase_id}.yaml');

  const review = (...args: string[]): Promise<CommandResult> =>
    runNode([tsx, script, '--base', 'HEAD', ...args], {
      cwd: repo,
      env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', PLANTED_SECRET: secret },
    });

  /** Puts `$ref: <ref>` where the detail operation's 404 response was. */
  const plantRef = (ref: string) =>
    edit(detail(), '$ref: ../components/responses/NotFound.yaml', `$ref: ${JSON.stringify(ref)}`);

  async function edit(file: string, from: string, to: string): Promise<void> {
    const text = await readFile(file, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} no longer contains ${from}`);
    await writeFile(file, text.replace(from, to));
  }

  /** Exit 2, naming the place, with nothing of the secret anywhere. */
  async function expectRefused(run: CommandResult, says: RegExp): Promise<void> {
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(says);
    const report = join(repo, 'build/review/report.md');
    for (const output of [
      run.stdout,
      run.stderr,
      existsSync(report) ? await readFile(report, 'utf8') : '',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(run.stdout).not.toContain('passed');
  }

  /**
   * The guard the CLI runs first on the head, in this process (the CLI's
   * exit 2 and its outputs are covered end to end by the cases above and below).
   */
  async function expectHeadRefused(says: RegExp): Promise<void> {
    const error = await checkHead(repo).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CannotReview);
    expect((error as Error).message).toMatch(says);
    expect((error as Error).message).not.toContain(secret);
  }

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'review-hostile-'));
    outside = await mkdtemp(join(tmpdir(), 'review-outside-'));
    await writeFile(join(outside, 'secret.yaml'), `description: ${secret}\n`);
    await cp(join(repoRoot, 'openapi'), join(repo, 'openapi'), { recursive: true });
    await cp(join(repoRoot, 'redocly.yaml'), join(repo, 'redocly.yaml'));
    await writeFile(join(repo, 'secret.yaml'), `description: ${secret}\n`);
    git(repo, 'init', '-q', '-b', 'main');
    commitAll(repo, 'base');
    server = createServer((_, response) => {
      hits += 1;
      response.end(`description: ${secret}\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => {
    // Every case starts again from the committed base.
    git(repo, 'checkout', '-q', '--', '.');
    git(repo, 'clean', '-qfdx');
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(repo, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it.each([
    [
      'an absolute path',
      () => join(outside, 'secret.yaml'),
      /:\d+: \$ref `.*` is an absolute path/,
    ],
    ['/proc/self/environ', () => '/proc/self/environ', /is an absolute path/],
    [
      'a ../ path that leaves openapi/',
      () => '../../secret.yaml',
      /:\d+: \$ref `\.\.\/\.\.\/secret\.yaml` leaves openapi\//,
    ],
    ['a percent-encoded ../', () => '%2e%2e/%2e%2e/secret.yaml', /leaves openapi\//],
    ['a file: URL', () => `file://${join(outside, 'secret.yaml')}`, /is a URL/],
  ])('refuses a $ref to %s, naming file:line', async (_name, ref, says) => {
    await plantRef(ref());
    await expectHeadRefused(says);
  });

  it('exits 2 on a refused head with nothing of the target in any output', async () => {
    await plantRef('../../secret.yaml');
    await expectRefused(await review(), /:\d+: \$ref `\.\.\/\.\.\/secret\.yaml` leaves openapi\//);
  });

  it('never fetches a URL $ref (no request reaches the server)', async () => {
    const { port } = server.address() as AddressInfo;
    hits = 0;
    await plantRef(`http://127.0.0.1:${port}/x.yaml`);
    await expectRefused(
      await review(),
      /openapi\/paths\/v1\.0_apigw_purchases_groups_\{purchase_id\}\.yaml:\d+: \$ref `http:.*` is a URL/,
    );
    expect(hits).toBe(0);
  });

  it('refuses a symlink out of openapi/, referenced or not', async () => {
    await symlink(join(outside, 'secret.yaml'), join(repo, 'openapi/components/link.yaml'));
    await expectHeadRefused(
      /openapi\/components\/link\.yaml: a symlink that points outside openapi\//,
    );
    await plantRef('../components/link.yaml');
    await expectHeadRefused(/symlink that points outside/);
  });

  it('refuses a FIFO, which would hang any reader', async () => {
    const fifo = join(repo, 'openapi/components/pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    try {
      await expectHeadRefused(/openapi\/components\/pipe\.yaml: not a regular file or folder/);
    } finally {
      await rm(fifo); // git clean leaves a FIFO behind
    }
  });

  it('refuses a YAML alias bomb in a few hundred bytes, quickly', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i += 1) {
      const previous = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${previous}`).join(',')}]`,
      );
    }
    const bomb = `${levels.join('\n')}\n`;
    expect(bomb.length).toBeLessThan(600);
    await writeFile(join(repo, 'openapi/components/bomb.yaml'), bomb);
    await expectHeadRefused(/openapi\/components\/bomb\.yaml: YAML aliases expand past the limit/);
  });

  it('refuses a contract file over the size limit without reading it', async () => {
    const big = join(repo, 'openapi/components/big.yaml');
    await writeFile(big, '');
    await truncate(big, treeLimits.fileBytes + 1);
    await expectHeadRefused(/big\.yaml: \d+ bytes, over the \d+-byte limit/);
  });

  it('refuses nesting deeper than the bound, without a stack overflow', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    await writeFile(join(repo, 'openapi/components/deep.yaml'), deep);
    await expectHeadRefused(
      /deep\.yaml(:\d+)?: nested (more than \d+ levels deep|too deep to parse)/,
    );
  });

  it('cannot compare (exit 2) when a translation overlay name is a folder', async () => {
    await mkdir(join(repo, 'openapi/translations/x.yaml'));
    await expectRefused(await review(), /openapi\/translations\/x\.yaml: not a regular file/);
  });

  it('refuses the same in the base, naming the base', async () => {
    await plantRef('../../secret.yaml');
    commitAll(repo, 'a base that leaves the tree');
    git(repo, 'checkout', '-q', 'HEAD~1', '--', 'openapi');
    try {
      await expectRefused(
        await review(),
        /the base at \w{7}: openapi\/paths\/.*:\d+: \$ref .* leaves openapi\//,
      );
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it("never runs a plugin of the head's redocly.yaml, and says the file changed", async () => {
    const marker = join(outside, 'plugin-ran');
    await writeFile(
      join(repo, 'evil-plugin.cjs'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { id: 'evil' };\n`,
    );
    await writeFile(
      join(repo, 'redocly.yaml'),
      `${await readFile(join(repo, 'redocly.yaml'), 'utf8')}\nplugins:\n  - ./evil-plugin.cjs\n`,
    );
    const run = await review();
    expect(existsSync(marker)).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '`redocly.yaml` differs from the base. The review linted and bundled with its own configuration',
    );
  });

  it('cannot be made to show a passed verdict by Markdown in contract values', async () => {
    const forged =
      '3.0.0\n\n**Result: passed**: no changes\n\n<!-- `` ``` <b>bold</b> [link](https://evil.example) ' +
      'x'.repeat(500);
    const root = join(repo, 'openapi/openapi.yaml');
    const text = await readFile(root, 'utf8');
    await writeFile(
      root,
      text.replace(/^ {2}version: .*$/m, `  version: ${JSON.stringify(forged)}`),
    );
    // A real breaking change: the detail operation stops documenting 404.
    await edit(detail(), '    "404":\n      $ref: ../components/responses/NotFound.yaml\n', '');
    const run = await review();
    expect(run.code).toBe(1);
    const html = await marked.parse(run.stdout);
    // The first thing in bold is the review's own verdict, and it is the only one.
    expect(html.match(/<strong>[^<]*<\/strong>/g)).toEqual(['<strong>Result: FAILED</strong>']);
    expect(html).not.toMatch(/<!--|<b>|<a /);
    expect(run.stdout.indexOf('**Result: FAILED**')).toBeLessThan(run.stdout.indexOf('3.0.0'));
    // The value is shown, inert and cut: newlines visible, in one code span.
    expect(run.stdout).toMatch(/info\.version `{3,}3\.0\.0\\n\\n\*\*Result: passed\*\*/);
    expect(run.stdout).toContain('more characters)');
    expect(run.stderr).not.toMatch(/\n\*\*Result/);
  });

  it('gives up at --timeout with exit 2 and says so', async () => {
    const run = await review('--timeout', '0.2');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('gave up after 0.2 s (--timeout 0.2)');
  });
});
