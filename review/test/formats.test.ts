// The review's three formats, end to end in a scratch git repository: each
// finding on its file and line (a component file, not the root), a removal
// with the base's place, the JSON valid against review/report.schema.json,
// GitHub workflow commands that a contract value cannot forge, and the
// --format/--output pairing; and a breaking change allowed by its entry in
// openapi/review-exceptions.yaml.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../lib/paths.ts';
import { type CommandResult, runNode } from '../../lib/run-node.ts';
import { git } from '../../test/support/git-repo.ts';
import { parseReviewArgs } from '../args.ts';
import type { Change } from '../change.ts';
import { exceptionsFile } from '../exceptions.ts';
import type { Review } from '../report.ts';
import { escapeData, escapeProperty, renderGithub } from '../report-github.ts';
import { renderJson } from '../report-json.ts';
import { entry } from './exception-entry.ts';

const tsx = fromRoot('node_modules/tsx/dist/cli.mjs');
const script = fromRoot('review/cli.ts');
const schema = JSON.parse(await readFile(fromRoot('review/report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const review = (cwd: string, ...args: string[]): Promise<CommandResult> =>
  runNode([tsx, script, ...args], {
    cwd,
    env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
  });

/** A scratch git repository holding a commit of these paths of this repository. */
async function scratchRepo(prefix: string, paths: readonly string[]): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), prefix));
  for (const path of paths) await cp(join(repoRoot, path), join(repo, path), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'contract');
  return repo;
}

/** The 1-based line of the first line of `file` that matches `pattern`. */
async function lineOf(file: string, pattern: RegExp): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`${file} has no line matching ${pattern}`);
  return index + 1;
}

describe('review formats, end to end', () => {
  let repo = '';
  const parameterFile = 'openapi/components/parameters/GroupNameFilter.yaml';
  const schemaFile = 'openapi/components/schemas/PurchaseBase.yaml';
  let removedAt = 0;

  beforeAll(async () => {
    repo = await scratchRepo('review-formats-', ['openapi', 'redocly.yaml']);
    removedAt = await lineOf(join(repo, schemaFile), /^ {2}quota_left:/);
    const parameter = join(repo, parameterFile);
    await writeFile(
      parameter,
      (await readFile(parameter, 'utf8')).replace('required: false', 'required: true'),
    );
    const properties = join(repo, schemaFile);
    await writeFile(
      properties,
      (await readFile(properties, 'utf8')).replace(/^ {2}quota_left:\n(?: {4}.*\n)+/m, ''),
    );
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('writes each --format to its --output; every finding has its file and line', async () => {
    const run = await review(
      repo,
      '--base',
      'HEAD',
      '--format',
      'json',
      '--output',
      'out/review.json',
      '--format',
      'github',
      '--output',
      'out/review.github',
      '--format',
      'markdown',
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(await readFile(join(repo, 'out/review.json'), 'utf8'));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({ passed: false, exit_code: 1 });
    expect(report.reasons.length).toBeGreaterThan(0);

    const required = report.findings.find(
      (found: { id: string }) => found.id === 'request-parameter-became-required',
    );
    expect(required.location).toEqual({
      file: parameterFile,
      line: await lineOf(join(repo, parameterFile), /^required:/),
      column: 1,
      pointer: '/required',
      exact: true,
    });
    const removed = report.findings.filter(
      (found: { id: string }) => found.id === 'response-optional-property-removed',
    );
    expect(removed).toHaveLength(2);
    for (const found of removed) {
      expect(found.location).toMatchObject({ file: schemaFile, exact: false });
      expect(found.base_location).toMatchObject({
        file: schemaFile,
        line: removedAt,
        pointer: '/properties/quota_left',
        exact: true,
      });
    }

    const commands = (await readFile(join(repo, 'out/review.github'), 'utf8'))
      .trimEnd()
      .split('\n');
    expect(commands).toHaveLength(report.findings.length + report.reasons.length);
    expect(commands).toContainEqual(
      `::error file=${parameterFile},line=${required.location.line},col=1,title=request-parameter-became-required::\`GET /v1.0/apigw/purchases/groups\` (\`listPurchasedGroups\`): query parameter \`group_name\` became required`,
    );
    expect(
      commands.filter((line) => line.includes(`was at \`${schemaFile}:${removedAt}\``)),
    ).toHaveLength(2);

    // Markdown, the one format without --output, went to stdout.
    expect(run.stdout).toContain('**Result: FAILED**');
    expect(run.stdout).toContain(`at \`${parameterFile}:${required.location.line}\``);
  });
});

describe('--format and --output', () => {
  const outputs = (...argv: string[]) => parseReviewArgs(['--base', 'main', ...argv]).outputs;

  it('pairs each --output with the --format before it', () => {
    expect(outputs('--format', 'json', '--output', 'a.json', '--format', 'github')).toEqual([
      { format: 'json', file: 'a.json' },
      { format: 'github', file: undefined },
    ]);
    expect(outputs()).toEqual([
      { format: 'markdown', file: undefined },
      { format: 'markdown', file: 'build/review/report.md' },
    ]);
  });

  it('refuses what cannot be meant, saying why', () => {
    expect(() => outputs('--format', 'yaml')).toThrow(
      /--format needs one of markdown, json, github/,
    );
    expect(() => outputs('--format', 'json', '--format', 'github')).toThrow(
      /only one report can go to stdout/,
    );
    expect(() => outputs('--output', 'a', '--format', 'json')).toThrow(/comes before any --format/);
    expect(() => outputs('--format', 'json', '--output', 'a', '--output', 'b')).toThrow(
      /--output b has no --format of its own/,
    );
  });
});

describe('workflow commands from hostile contract values', () => {
  const hostile: Change = {
    kind: 'breaking',
    rule: 'request-parameter-enum-value-removed',
    operation: 'GET /x',
    message: 'enum value `a%0A\r\n::error file=README.md::forged,b` removed',
    location: {
      file: 'openapi/we,ird:name.yaml',
      line: 3,
      column: 5,
      pointer: '/enum/0',
      exact: true,
    },
  };
  const reviewOf = (changes: Change[]): Review => ({
    base: { label: 'base', source: 'openapi/ bundled', version: '1.0.0', stats: undefined },
    head: { label: 'head', source: 'openapi/ bundled', version: '1.0.0', stats: undefined },
    lint: { ran: true, errors: 0, warnings: 0, problems: [], summary: '' },
    changes,
    verdict: { passed: false, problems: ['1 breaking change\n::warning::forged'] },
    docs: { path: 'build/docs/index.html', built: false, artifact: undefined },
    operationIds: new Map(),
    notes: [],
  });

  it('can forge neither a command nor a line break', () => {
    const lines = renderGithub(reviewOf([hostile]))
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=openapi\/we%2Cird%3Aname\.yaml,line=3,col=5,title=/);
    // Line breaks are shown as \\r\\n text first (inert.ts), and `%` is escaped.
    expect(lines[0]).toContain('a%250A\\r\\n::error file=README.md::forged,b');
    expect(lines[1]).toBe('::error title=contract review::1 breaking change\\n::warning::forged');
  });

  it("escapes as GitHub's toolkit does, raw line breaks included", () => {
    expect(escapeData('50%\r\n::x')).toBe('50%25%0D%0A::x');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('JSON carries the same finding, valid against the schema', () => {
    const report = JSON.parse(renderJson(reviewOf([hostile]), 1));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.findings[0].location.file).toBe('openapi/we,ird:name.yaml');
  });
});

describe('an exception, end to end', () => {
  let repo = '';
  const review = (...args: string[]) =>
    runNode([fromRoot('node_modules/tsx/dist/cli.mjs'), fromRoot('review/cli.ts'), ...args], {
      cwd: repo,
      env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
    });

  beforeAll(async () => {
    repo = await scratchRepo('review-exceptions-', ['openapi', 'redocly.yaml']);
    const parameter = join(repo, 'openapi/components/parameters/GroupNameFilter.yaml');
    await writeFile(
      parameter,
      (await readFile(parameter, 'utf8')).replace('required: false', 'required: true'),
    );
    const root = join(repo, 'openapi/openapi.yaml');
    await writeFile(
      root,
      (await readFile(root, 'utf8')).replace(/^ {2}version: \d+/m, '  version: 99'),
    );
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('passes a breaking change its entry allows, in a new major, listing what it allowed', async () => {
    await writeFile(join(repo, exceptionsFile), `exceptions:\n${entry({ expires: '2099-12-31' })}`);
    const run = await review(
      '--base',
      'HEAD',
      '--format',
      'json',
      '--output',
      'r.json',
      '--format',
      'markdown',
    );
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(await readFile(join(repo, 'r.json'), 'utf8'));
    expect(report.counts).toMatchObject({ breaking: 0, accepted: 1 });
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        id: 'request-parameter-became-required',
        accepted: expect.objectContaining({ approved_by: 'api-review@example.com' }),
      }),
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ id: 'review-exception-added', kind: 'warning' }),
    );
    expect(run.stdout).toContain('## Exceptions (openapi/review-exceptions.yaml)');
    expect(run.stdout).toMatch(/ {2}- allowed: query parameter `group_name` became required/);
  });
});

describe('generated/ judged by the base generator, end to end', () => {
  let repo = '';
  const review = (...args: string[]) =>
    runNode([tsx, script, ...args], {
      cwd: repo,
      env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' },
    });

  beforeAll(async () => {
    repo = await scratchRepo('review-generated-', [
      'openapi',
      'generated',
      'src/mock/dataset.json',
      'redocly.yaml',
    ]);
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('finds nothing stale in this repository, whose generated/ is fresh (no false alarm)', async () => {
    const run = await runNode(
      [tsx, fromRoot('review/generated-check-child.ts'), repoRoot, fromRoot('redocly.yaml')],
      { cwd: repoRoot },
    );
    expect(JSON.parse(run.stdout)).toEqual({ stale: [] });
  });

  it('fails a head whose generated/ is not what npm run generate makes of its openapi/', async () => {
    const root = join(repo, 'openapi/openapi.yaml');
    await writeFile(
      root,
      (await readFile(root, 'utf8')).replace(
        /^ {2}version: (\d+)\.(\d+)\.\d+/m,
        '  version: $1.$2.99',
      ),
    );
    const run = await review('--base', 'HEAD', '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const stale = report.findings.filter((found: { id: string }) => found.id === 'generated-stale');
    expect(stale.map((found: { location: { file: string } }) => found.location.file)).toContain(
      'generated/openapi.json',
    );
    expect(stale[0].message).toContain('Run `npm run generate` and commit the result');
    expect(report.reasons).toContainEqual(expect.stringContaining('that CI would refuse'));
  });
});
