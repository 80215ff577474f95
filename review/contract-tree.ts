// A contract tree (`openapi/` of the base or of the head) read as hostile
// data before Redocly sees it. A pull request controls every file there, so
// the review refuses (exit 2, naming file:line) what would make Redocly read
// outside the tree, fetch a URL, or spend unbounded time and memory:
// - a `$ref` with a URL scheme, an absolute path, or a path that leaves
//   openapi/ (lexically, or through a symlink);
// - a symlink that points out of openapi/, or a file that is not a regular
//   file or folder (a FIFO would hang the reader);
// - a file over `treeLimits.fileBytes`, a tree over `treeLimits.treeBytes`
//   or `treeLimits.files`;
// - YAML alias expansion over `treeLimits.aliases` ("billion laughs"), and
//   nesting deeper than `treeLimits.depth`.
// Nothing of a refused target is read, so nothing of it reaches any output.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import * as jsYaml from 'js-yaml';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { CannotReview } from './errors.ts';
import { code, plainOf } from './inert.ts';

export const treeLimits = {
  /** One contract file; the 2,000-path synthetic contract is about 3 MB. */
  fileBytes: 16 * 1024 * 1024,
  /** All of openapi/ together. */
  treeBytes: 64 * 1024 * 1024,
  /** Files and folders under openapi/. */
  files: 10_000,
  /** Objects that YAML aliases may add to a file once expanded. */
  aliases: 10_000,
  /** Nesting of mappings and sequences in one file: js-yaml's own limit, which Redocly has too. */
  depth: 100,
};

/** The tree breaks a rule of the trust model: never bundled, never a pass. */
export class ContractRefused extends CannotReview {}

const contractFiles = new Set(['.yaml', '.yml', '.json']);
const schemeRef = /^[a-z][a-z0-9+.-]*:/i;

// Every path here is real (symlinks resolved), so a file has one name.
interface Walk {
  /** The folder the names in messages are relative to (the repository). */
  top: string;
  /** openapi/ under it. */
  folder: string;
  /** The files parsed or queued. */
  seen: Set<string>;
  queue: string[];
  bytes: number;
  entries: number;
  /** The text of every contract file read, by its path from the repository (`openapi/…`). */
  texts: Map<string, string>;
}

const inside = (folder: string, path: string): boolean =>
  path === folder || path.startsWith(`${folder}${sep}`);

const named = (walk: Walk, path: string): string => relative(walk.top, path) || path;

function refuse(walk: Walk, path: string, line: number | undefined, why: string): never {
  const where = line === undefined ? named(walk, path) : `${named(walk, path)}:${line}`;
  throw new ContractRefused(
    plainOf(`${where}: ${why}. The review reads only the contract's own files under openapi/.`),
  );
}

/** What the guard read: a problem Redocly would report too, or the files' texts. */
export type GuardOutcome = { problem: string } | { texts: ReadonlyMap<string, string> };

/**
 * Checks `openapi/` under `top` and every file in it. Returns a problem that
 * Redocly would also report (a file that does not parse), or the texts of
 * the contract's files (for locating findings, locate.ts); throws
 * ContractRefused when the tree breaks the trust model.
 */
export async function guardContractTree(top: string): Promise<GuardOutcome> {
  const realTop = await realpath(top);
  const walk: Walk = {
    top: realTop,
    folder: join(realTop, 'openapi'),
    seen: new Set(),
    queue: [],
    bytes: 0,
    entries: 0,
    texts: new Map(),
  };
  const folder = await realpath(walk.folder).catch(() => undefined);
  if (folder === undefined) return { texts: walk.texts };
  if (folder !== walk.folder) refuse(walk, walk.folder, undefined, 'openapi/ is a symlink');
  await listFolder(walk, folder, 0);
  for (let file = walk.queue.shift(); file !== undefined; file = walk.queue.shift()) {
    const problem = await checkFile(walk, file);
    if (problem !== undefined) return { problem };
  }
  return { texts: walk.texts };
}

async function listFolder(walk: Walk, folder: string, depth: number): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    refuse(walk, folder, undefined, `cannot be listed (${(error as NodeJS.ErrnoException).code})`);
  }
  for (const entry of entries) {
    walk.entries += 1;
    const path = join(folder, entry.name);
    if (walk.entries > treeLimits.files) {
      refuse(walk, path, undefined, `openapi/ holds more than ${treeLimits.files} entries`);
    }
    if (entry.isDirectory()) {
      if (depth >= 32) refuse(walk, path, undefined, 'folders nested more than 32 deep');
      await listFolder(walk, path, depth + 1);
    } else if (entry.isSymbolicLink()) {
      const target = await realpath(path).catch(() => undefined);
      if (target === undefined) refuse(walk, path, undefined, 'a symlink whose target is missing');
      if (!inside(walk.folder, target)) {
        refuse(walk, path, undefined, 'a symlink that points outside openapi/');
      }
      // A link to a folder inside is listed where the folder really is.
      if ((await lstat(target)).isFile()) queueFile(walk, target);
    } else if (entry.isFile()) {
      if (contractFiles.has(extname(entry.name).toLowerCase())) queueFile(walk, path);
    } else {
      refuse(walk, path, undefined, 'not a regular file or folder');
    }
  }
}

function queueFile(walk: Walk, path: string): void {
  if (walk.seen.has(path)) return;
  walk.seen.add(path);
  walk.queue.push(path);
}

async function checkFile(walk: Walk, path: string): Promise<string | undefined> {
  const size = (await lstat(path)).size;
  if (size > treeLimits.fileBytes) {
    refuse(walk, path, undefined, `${size} bytes, over the ${treeLimits.fileBytes}-byte limit`);
  }
  walk.bytes += size;
  if (walk.bytes > treeLimits.treeBytes) {
    refuse(walk, path, undefined, `openapi/ is over the ${treeLimits.treeBytes}-byte limit`);
  }
  const buffer = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return `${named(walk, path)}: not UTF-8 text`;
  }
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: redoclySchema });
  } catch (error) {
    if (error instanceof RangeError) refuse(walk, path, undefined, 'nested too deep to parse');
    if (!(error instanceof jsYaml.YAMLException)) throw error;
    const { line, column } = error.mark;
    // js-yaml (Redocly's parser too) stops at 100 levels.
    if (error.reason.startsWith('nesting exceeded maxDepth')) {
      refuse(walk, path, line + 1, `nested more than ${treeLimits.depth} levels deep`);
    }
    return `${named(walk, path)}:${line + 1}:${column + 1}: ${error.reason}`;
  }
  const { objects, expanded, height, cycle } = measure(value);
  if (cycle) refuse(walk, path, undefined, 'a YAML alias refers to a node that contains it');
  if (height > treeLimits.depth) {
    refuse(walk, path, undefined, `nested more than ${treeLimits.depth} levels deep`);
  }
  if (expanded > objects + treeLimits.aliases) {
    refuse(
      walk,
      path,
      undefined,
      `YAML aliases expand past the limit (${expanded} nodes from ${objects} written, at most ${treeLimits.aliases} more)`,
    );
  }
  for (const node of objects === 0 ? [] : walkedObjects(value)) {
    for (const key of ['$ref', '$dynamicRef']) {
      const ref = (node as Record<string, unknown>)[key];
      if (typeof ref === 'string') await checkRef(walk, path, text, ref);
    }
  }
  walk.texts.set(named(walk, path).split(sep).join('/'), text);
  return undefined;
}

// Redocly's own YAML reading (@redocly/openapi-core parseYaml): js-yaml 4,
// the JSON schema with merge keys. Aliases stay shared objects, so a bomb
// costs nothing here; measure() counts what it would expand to.
// js-yaml exports its types; @types/js-yaml does not declare them.
const { types } = jsYaml as unknown as { types: Record<string, jsYaml.Type> };
export const redoclySchema = jsYaml.JSON_SCHEMA.extend({
  implicit: [types.merge as jsYaml.Type],
  explicit: ['binary', 'omap', 'pairs', 'set'].map((name) => types[name] as jsYaml.Type),
});

const isNode = (value: unknown): value is object => typeof value === 'object' && value !== null;

interface Measure {
  /** Distinct objects and arrays. */
  objects: number;
  /** Objects and arrays once every alias is expanded (what Redocly writes out). */
  expanded: number;
  /** Nesting of the deepest path. */
  height: number;
  cycle: boolean;
}

/** Sizes the parsed value without recursion, each shared node measured once. */
function measure(root: unknown): Measure {
  const done = new Map<object, { expanded: number; height: number }>();
  const open = new Set<object>();
  const stack: { node: object; children: object[] | undefined }[] = [];
  if (isNode(root)) stack.push({ node: root, children: undefined });
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: object; children: object[] | undefined };
    if (top.children === undefined) {
      if (done.has(top.node)) {
        stack.pop();
        continue;
      }
      open.add(top.node);
      top.children = Object.values(top.node).filter(isNode);
      for (const child of top.children) {
        if (open.has(child)) return { objects: done.size, expanded: 0, height: 0, cycle: true };
        if (!done.has(child)) stack.push({ node: child, children: undefined });
      }
      continue;
    }
    stack.pop();
    open.delete(top.node);
    let expanded = 1;
    let height = 0;
    for (const child of top.children) {
      const measured = done.get(child);
      expanded += measured?.expanded ?? 0;
      height = Math.max(height, measured?.height ?? 0);
    }
    done.set(top.node, {
      expanded: Math.min(expanded, Number.MAX_SAFE_INTEGER),
      height: height + 1,
    });
  }
  const whole = isNode(root) ? done.get(root) : undefined;
  return {
    objects: done.size,
    expanded: whole?.expanded ?? 0,
    height: whole?.height ?? 0,
    cycle: false,
  };
}

/** Every distinct object and array of the value (measure() has proved it finite and acyclic). */
function* walkedObjects(root: unknown): Generator<object> {
  const seen = new Set<object>();
  const stack = isNode(root) ? [root] : [];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    yield node;
    for (const child of Object.values(node)) if (isNode(child)) stack.push(child);
  }
}

/** The line of `$ref: <ref>` in the file, read again with positions (only for a refusal). */
function lineOfRef(text: string, ref: string): number | undefined {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  let line: number | undefined;
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || pair.value.value !== ref) return;
      if (pair.key.value !== '$ref' && pair.key.value !== '$dynamicRef') return;
      line = pair.key.range ? lines.linePos(pair.key.range[0]).line : undefined;
      return visit.BREAK;
    },
  });
  return line;
}

const decoded = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

async function checkRef(walk: Walk, file: string, text: string, ref: string): Promise<void> {
  const shown = code(ref);
  const refuseRef = (why: string): never => refuse(walk, file, lineOfRef(text, ref), why);
  if (schemeRef.test(ref)) refuseRef(`$ref ${shown} is a URL`);
  const path = ref.split('#')[0] ?? '';
  if (path === '') return;
  for (const form of new Set([path, decoded(path)])) {
    if (form.includes('\0')) refuseRef(`$ref ${shown} holds a NUL`);
    if (form.startsWith('/') || form.startsWith('\\'))
      refuseRef(`$ref ${shown} is an absolute path`);
    const target = resolve(dirname(file), form);
    if (!inside(walk.folder, target)) refuseRef(`$ref ${shown} leaves openapi/`);
    const real = await realpath(target).catch(() => undefined);
    if (real === undefined) continue; // Redocly reports a ref to nothing.
    if (!inside(walk.folder, real))
      refuseRef(`$ref ${shown} leads outside openapi/ through a symlink`);
    if (!(await lstat(real)).isFile()) refuseRef(`$ref ${shown} is not a regular file`);
    queueFile(walk, real);
  }
}
