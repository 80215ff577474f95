// Loads the two contracts to compare: the base bundled from what openapi/ was
// at a git ref (falling back to the committed generated/openapi.json there),
// the head bundled from the working tree's openapi/ (generated/ may be stale).
// Both trees are data: each is guarded (contract-tree.ts) before Redocly
// reads it, and Redocly runs with the review's own redocly.yaml, never the
// tree's, so no plugin or rule of a pull request runs here.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isObject, type JsonObject } from '../lib/json.ts';
import { fromRoot } from '../lib/paths.ts';
import { bundleContract } from '../lib/redocly.ts';
import { guardContractTree } from './contract-tree.ts';
import { CannotReview } from './errors.ts';
import type { SourceFiles } from './locate.ts';

const exec = promisify(execFile);

export interface LoadedContract {
  document: JsonObject;
  /** Where it came from, for the report: `openapi/ (bundled)`. */
  source: string;
  /** The files it was bundled from, to locate findings in (locate.ts). */
  sources: SourceFiles;
}

export const contractEntry = 'openapi/openapi.yaml';

/** The configuration lint and bundle use: the review's own (in CI, the base commit's). */
export const reviewConfig = fromRoot('redocly.yaml');
const configFile = 'redocly.yaml';

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

declare const guardedBrand: unique symbol;

/** A work tree whose openapi/ passed guardContractTree: the only kind a tool may read. */
export interface GuardedTree {
  readonly top: string;
  /** The contract's files as the guard read them, by path from the repository. */
  readonly texts: ReadonlyMap<string, string>;
  readonly [guardedBrand]: true;
}

/**
 * Guards `openapi/` under `root`: the tree, or why it cannot be read (a
 * problem Redocly would report too); throws ContractRefused past a bound.
 */
async function guard(root: string): Promise<GuardedTree | string> {
  const outcome = await guardContractTree(root);
  return 'problem' in outcome
    ? outcome.problem
    : ({ top: root, texts: outcome.texts } as GuardedTree);
}

/**
 * Bundles `openapi/openapi.yaml` of a guarded tree with the pinned Redocly
 * and the review's configuration, or says why it could not.
 */
export async function bundle(
  tree: GuardedTree,
  signal?: AbortSignal,
): Promise<JsonObject | string> {
  const root = tree.top;
  const result = await bundleContract(root, 'json', { config: reviewConfig, signal });
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

/** The working tree, guarded; refused when no tool may read its openapi/ (see contract-tree.ts). */
export async function checkHead(top: string): Promise<GuardedTree> {
  if (!existsSync(join(top, contractEntry))) {
    throw new CannotReview(
      `No contract in the working tree: ${join(top, contractEntry)} does not exist.`,
    );
  }
  const tree = await guard(top);
  if (typeof tree === 'string') {
    throw new CannotReview(`the working tree's ${contractEntry} cannot be read: ${tree}`);
  }
  return tree;
}

export async function loadHead(head: GuardedTree, signal?: AbortSignal): Promise<LoadedContract> {
  const document = await bundle(head, signal);
  if (typeof document === 'string') {
    throw new CannotReview(
      `redocly bundle of the working tree's ${contractEntry} failed: ${document}`,
    );
  }
  return {
    document: openApi3(document, "the working tree's"),
    source: 'openapi/ bundled',
    sources: { root: contractEntry, texts: head.texts },
  };
}

/**
 * The document, when it is OpenAPI 3.x: the rules read 3.0 and 3.1 (Swagger
 * 2.0 keeps parameters, bodies and responses elsewhere), so anything else
 * would be compared without a word about what was missed.
 */
export function openApi3(document: JsonObject, which: string): JsonObject {
  const version = document.openapi;
  if (typeof version === 'string' && /^3\.\d+(\.\d+)?$/.test(version)) return document;
  const said =
    typeof document.swagger === 'string'
      ? `swagger ${JSON.stringify(document.swagger.slice(0, 20))}`
      : version === undefined
        ? 'no openapi version'
        : `openapi ${JSON.stringify(String(version).slice(0, 20))}`;
  throw new CannotReview(
    `${which} ${contractEntry} says ${said}: the review reads OpenAPI 3.0 and 3.1 only (convert it first).`,
  );
}

/**
 * The contract at `commit`: openapi/ bundled, else the committed
 * generated/openapi.json. Neither is "could not review" (exit 2), never a pass.
 */
export async function loadBase(
  top: string,
  commit: string,
  signal?: AbortSignal,
  onSources?: (files: SourceFiles) => void,
): Promise<LoadedContract> {
  const present = new Set(
    (await git(top, ['ls-tree', '--name-only', commit, '--', 'openapi', 'generated/openapi.json']))
      .split('\n')
      .filter(Boolean),
  );
  let bundleProblem = 'no openapi/ at that commit';
  if (present.has('openapi')) {
    const bundled = await bundleAt(top, commit, signal, onSources);
    if (typeof bundled !== 'string') {
      return {
        document: openApi3(bundled.document, `the base's (${commit.slice(0, 7)})`),
        source: 'openapi/ bundled',
        sources: { root: contractEntry, texts: bundled.texts },
      };
    }
    bundleProblem = `bundling openapi/ failed: ${bundled}`;
  }
  if (present.has('generated/openapi.json')) {
    const text = await git(top, ['show', `${commit}:generated/openapi.json`]);
    const document: unknown = JSON.parse(text);
    if (isObject(document)) {
      return {
        document: openApi3(document, `the base's (${commit.slice(0, 7)})`),
        source: `generated/openapi.json (${bundleProblem})`,
        sources: {
          root: 'generated/openapi.json',
          texts: new Map([['generated/openapi.json', text]]),
        },
      };
    }
  }
  throw new CannotReview(
    `the base contract at ${commit.slice(0, 7)} cannot be read: ${bundleProblem}${present.has('generated/openapi.json') ? '' : ', and that commit has no generated/openapi.json'}.`,
  );
}

/** Extracts openapi/ as it was at `commit`, and bundles it. */
async function bundleAt(
  top: string,
  commit: string,
  signal?: AbortSignal,
  onSources?: (files: SourceFiles) => void,
): Promise<{ document: JsonObject; texts: ReadonlyMap<string, string> } | string> {
  const scratch = await mkdtemp(join(tmpdir(), 'contract-review-'));
  try {
    const archive = join(scratch, 'base.tar');
    await git(top, ['archive', '--format=tar', '-o', archive, commit, '--', 'openapi']);
    await exec('tar', ['-xf', archive, '-C', scratch]);
    if (!existsSync(join(scratch, contractEntry))) return `${contractEntry} missing`;
    const tree = await guard(scratch).catch((error: unknown) => {
      // A refusal names the scratch copy; name the file as it is in the repository.
      if (error instanceof CannotReview) {
        error.message = `the base at ${commit.slice(0, 7)}: ${error.message.replaceAll(`${scratch}/`, '')}`;
      }
      throw error;
    });
    if (typeof tree === 'string') return tree.replaceAll(`${scratch}/`, '');
    onSources?.({ root: contractEntry, texts: tree.texts });
    const bundled = await bundle(tree, signal);
    // Name files as they are in the repository.
    return typeof bundled === 'string'
      ? bundled.replaceAll(`${scratch}/`, '')
      : { document: bundled, texts: tree.texts };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Whether the working tree's redocly.yaml differs from the base's. The
 * review never applies it; the report says it changed, for people to read.
 */
export async function configChanged(top: string, commit: string): Promise<boolean> {
  const before = await git(top, ['show', `${commit}:${configFile}`]).catch(() => undefined);
  const after = await readFile(join(top, configFile), 'utf8').catch(() => undefined);
  return before !== after;
}
