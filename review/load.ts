// Loads the two contracts to compare: the base bundled from what openapi/ was
// at a git ref (falling back to the committed generated/openapi.json there),
// the head bundled from the working tree's openapi/ (generated/ may be stale).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleContract } from '../scripts/lib/redocly.ts';
import { CannotReview } from './errors.ts';
import { isObject, type JsonObject } from './json.ts';

const exec = promisify(execFile);

export interface LoadedContract {
  document: JsonObject;
  /** Where it came from, for the report: `openapi/ (bundled)`. */
  source: string;
}

export const contractEntry = 'openapi/openapi.yaml';

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await exec('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return stdout;
}

/** The top of the git work tree around `cwd`: the review reads openapi/ there. */
export async function gitTopLevel(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new CannotReview(
      `${cwd} is not inside a git work tree: run the review from a clone of the project.`,
    );
  }
}

/** The full commit id a ref names; a ref git does not know is a usage error. */
export async function resolveCommit(top: string, ref: string): Promise<string> {
  try {
    return (await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch {
    throw new CannotReview(
      `git does not know the ref "${ref}" in ${top}. For a branch of the remote use origin/<branch>; in CI check out with fetch-depth: 0.`,
    );
  }
}

/** Bundles `openapi/openapi.yaml` under `root` with the pinned Redocly, or says why it could not. */
export async function bundle(root: string): Promise<JsonObject | string> {
  const result = await bundleContract(root, 'json');
  // Redocly says `"file" (line:column)`; the report says file:line:column.
  if (!result.ok) {
    return result.problem
      .split('\n')
      .slice(0, 3)
      .join(' ')
      .replace(/"([^"]+)" \((\d+):(\d+)\)/g, '$1:$2:$3');
  }
  return isObject(result.document) ? result.document : 'the bundle is not an object';
}

export async function loadHead(top: string): Promise<LoadedContract> {
  if (!existsSync(join(top, contractEntry))) {
    throw new CannotReview(
      `No contract in the working tree: ${join(top, contractEntry)} does not exist.`,
    );
  }
  const document = await bundle(top);
  if (typeof document === 'string') {
    throw new CannotReview(
      `redocly bundle of the working tree's ${contractEntry} failed: ${document}`,
    );
  }
  return { document, source: 'openapi/ bundled' };
}

/**
 * The contract at `commit`: openapi/ bundled, else the committed
 * generated/openapi.json. Neither is "could not review" (exit 2), never a pass.
 */
export async function loadBase(top: string, commit: string): Promise<LoadedContract> {
  const present = new Set(
    (
      await git(top, [
        'ls-tree',
        '--name-only',
        commit,
        '--',
        'openapi',
        'redocly.yaml',
        'generated/openapi.json',
      ])
    )
      .split('\n')
      .filter(Boolean),
  );
  let bundleProblem = 'no openapi/ at that commit';
  if (present.has('openapi')) {
    const bundled = await bundleAt(top, commit, present.has('redocly.yaml'));
    if (typeof bundled !== 'string') return { document: bundled, source: 'openapi/ bundled' };
    bundleProblem = `bundling openapi/ failed: ${bundled}`;
  }
  if (present.has('generated/openapi.json')) {
    const document: unknown = JSON.parse(
      await git(top, ['show', `${commit}:generated/openapi.json`]),
    );
    if (isObject(document))
      return { document, source: `generated/openapi.json (${bundleProblem})` };
  }
  throw new CannotReview(
    `the base contract at ${commit.slice(0, 7)} cannot be read: ${bundleProblem}${present.has('generated/openapi.json') ? '' : ', and that commit has no generated/openapi.json'}.`,
  );
}

/** Extracts openapi/ (and redocly.yaml, for its config) as they were at `commit`, and bundles them. */
async function bundleAt(
  top: string,
  commit: string,
  withConfig: boolean,
): Promise<JsonObject | string> {
  const scratch = await mkdtemp(join(tmpdir(), 'contract-review-'));
  try {
    const archive = join(scratch, 'base.tar');
    const paths = withConfig ? ['openapi', 'redocly.yaml'] : ['openapi'];
    await git(top, ['archive', '--format=tar', '-o', archive, commit, '--', ...paths]);
    await exec('tar', ['-xf', archive, '-C', scratch]);
    if (!existsSync(join(scratch, contractEntry))) return `${contractEntry} missing`;
    const bundled = await bundle(scratch);
    // Name files as they are in the repository.
    return typeof bundled === 'string' ? bundled.replaceAll(`${scratch}/`, '') : bundled;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
