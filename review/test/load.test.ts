// Loading the base contract at a git ref: bundled from openapi/ when it
// bundles, else the committed generated/openapi.json, else "could not
// review" (exit 2) naming what failed. One temporary repository, one commit
// per case.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/paths.ts';
import { commitAll, git } from '../../test/support/git-repo.ts';
import { CannotReview } from '../errors.ts';
import { checkHead, gitTopLevel, loadBase, loadHead, openApi3, resolveCommit } from '../load.ts';

describe('loading the contracts', () => {
  let repo = '';
  const commits = { empty: '', generatedOnly: '', brokenOnly: '', broken: '', bundles: '' };

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'review-load-'));
    git(repo, 'init', '-q', '-b', 'main');
    await writeFile(join(repo, 'README.md'), 'no contract yet\n');
    commits.empty = commitAll(repo, 'no contract');
    await mkdir(join(repo, 'generated'));
    await cp(join(repoRoot, 'generated/openapi.json'), join(repo, 'generated/openapi.json'));
    commits.generatedOnly = commitAll(repo, 'generated only');
    await rm(join(repo, 'generated'), { recursive: true });
    await mkdir(join(repo, 'openapi'));
    await writeFile(join(repo, 'openapi/openapi.yaml'), 'openapi: 3.1.0\ninfo: [broken\n');
    commits.brokenOnly = commitAll(repo, 'openapi/ that does not parse, nothing generated');
    await mkdir(join(repo, 'generated'));
    await cp(join(repoRoot, 'generated/openapi.json'), join(repo, 'generated/openapi.json'));
    commits.broken = commitAll(repo, 'openapi/ that does not parse');
    await cp(join(repoRoot, 'openapi'), join(repo, 'openapi'), { recursive: true });
    await cp(join(repoRoot, 'redocly.yaml'), join(repo, 'redocly.yaml'));
    commits.bundles = commitAll(repo, 'openapi/ that bundles');
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('bundles openapi/ as it was at the ref', async () => {
    const base = await loadBase(repo, commits.bundles);
    expect(base.source).toBe('openapi/ bundled');
    // As many paths as the committed bundle of this repository has.
    const bundled = JSON.parse(await readFile(join(repoRoot, 'generated/openapi.json'), 'utf8'));
    expect(Object.keys(base.document?.paths ?? {})).toEqual(Object.keys(bundled.paths));
  });

  it('falls back to generated/openapi.json when openapi/ does not bundle', async () => {
    const base = await loadBase(repo, commits.broken);
    expect(base.source).toMatch(/^generated\/openapi\.json \(bundling openapi\/ failed: .+\)$/);
    expect(base.document?.openapi).toBe('3.1.0');
  });

  it('falls back to generated/openapi.json when there is no openapi/', async () => {
    const base = await loadBase(repo, commits.generatedOnly);
    expect(base.source).toBe('generated/openapi.json (no openapi/ at that commit)');
  });

  it('cannot review (exit 2) when the ref has no contract at all', async () => {
    await expect(loadBase(repo, commits.empty)).rejects.toThrow(CannotReview);
    await expect(loadBase(repo, commits.empty)).rejects.toThrow(
      /the base contract at \w{7} cannot be read: no openapi\/ at that commit, and that commit has no generated\/openapi\.json/,
    );
  });

  it('cannot review when openapi/ does not bundle and nothing was generated, naming file and line', async () => {
    const error = await loadBase(repo, commits.brokenOnly).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotReview);
    expect((error as Error).message).toMatch(
      /bundling openapi\/ failed: .*openapi\/openapi\.yaml:3:1/,
    );
  });

  it('bundles the working tree for the head', async () => {
    const head = await loadHead(await checkHead(repo));
    expect(head.source).toBe('openapi/ bundled');
  });

  it('finds the top of the work tree from a subfolder, and refuses outside one', async () => {
    expect(await gitTopLevel(join(repo, 'openapi'))).toBe(await gitTopLevel(repo));
    await expect(gitTopLevel(tmpdir())).rejects.toThrow(CannotReview);
  });

  it('refuses a ref git does not know, and a working tree without a contract', async () => {
    await expect(resolveCommit(repo, 'no-such-branch')).rejects.toThrow(
      /git does not know the ref "no-such-branch"/,
    );
    expect(await resolveCommit(repo, 'main~4')).toBe(commits.empty);
    const bare = await mkdtemp(join(tmpdir(), 'review-empty-'));
    try {
      await expect(checkHead(bare)).rejects.toThrow(/No contract in the working tree/);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});

describe('the OpenAPI version', () => {
  it('is 3.0 or 3.1, or the review refuses the contract (exit 2) naming what it says', () => {
    const info = { title: 't', version: '1' };
    for (const openapi of ['3.0.3', '3.1.0', '3.1']) {
      expect(openApi3({ openapi, info, paths: {} }, 'the head')).toMatchObject({ openapi });
    }
    for (const [document, says] of [
      [{ swagger: '2.0', info, paths: {} }, 'the head openapi/openapi.yaml says swagger "2.0"'],
      [{ openapi: '4.0.0', info }, 'says openapi "4.0.0"'],
      [{ openapi: 3.1, info }, 'says openapi "3.1"'],
      [{ info }, 'says no openapi version'],
    ] as const) {
      expect(() => openApi3(document as never, 'the head')).toThrow(CannotReview);
      expect(() => openApi3(document as never, 'the head')).toThrow(`${says}`);
    }
  });
});
