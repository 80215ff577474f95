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
import {
  isAlias,
  isCollection,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { CannotReview } from './errors.ts';
import { code, plainOf } from './inert.ts';

export const treeLimits = {
  /** One contract file; the 2,000-path synthetic contract is about 3 MB. */
  fileBytes: 16 * 1024 * 1024,
  /** All of openapi/ together. */
  treeBytes: 64 * 1024 * 1024,
  /** Files and folders under openapi/. */
  files: 10_000,
  /** Alias resolutions per file, counted as the `yaml` library counts them. */
  aliases: 100,
  /** Nesting of mappings and sequences in one file. */
  depth: 200,
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

/**
 * Checks `openapi/` under `top` and every file in it. Returns a problem that
 * Redocly would also report (a file that does not parse), or undefined;
 * throws ContractRefused when the tree breaks the trust model.
 */
export async function guardContractTree(top: string): Promise<string | undefined> {
  const realTop = await realpath(top);
  const walk: Walk = {
    top: realTop,
    folder: join(realTop, 'openapi'),
    seen: new Set(),
    queue: [],
    bytes: 0,
    entries: 0,
  };
  const folder = await realpath(walk.folder).catch(() => undefined);
  if (folder === undefined) return undefined;
  if (folder !== walk.folder) refuse(walk, walk.folder, undefined, 'openapi/ is a symlink');
  await listFolder(walk, folder, 0);
  for (let file = walk.queue.shift(); file !== undefined; file = walk.queue.shift()) {
    const problem = await checkFile(walk, file);
    if (problem !== undefined) return problem;
  }
  return undefined;
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
  const lines = new LineCounter();
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  } catch (error) {
    if (error instanceof RangeError) refuse(walk, path, undefined, 'nested too deep to parse');
    throw error;
  }
  const [error] = document.errors;
  if (error?.message.includes('Maximum call stack')) {
    refuse(walk, path, undefined, 'nested too deep to parse');
  }
  if (error !== undefined) {
    const { line, col } = lines.linePos(error.pos[0]);
    return `${named(walk, path)}:${line}:${col}: ${error.message.split('\n')[0]}`;
  }
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;
  let aliases = false;
  // Depth-first without recursion, so depth itself cannot overflow the stack.
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    if (isAlias(node)) aliases = true;
    if (!isCollection(node)) continue;
    if (depth >= treeLimits.depth) {
      refuse(walk, path, lineOf(node), `nested more than ${treeLimits.depth} levels deep`);
    }
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        stack.push({ node: item, depth: depth + 1 });
        continue;
      }
      const key = isAlias(item.key) ? item.key.resolve(document) : item.key;
      const value = isAlias(item.value) ? item.value.resolve(document) : item.value;
      if (isAlias(item.key) || isAlias(item.value)) aliases = true;
      if (isScalar(key) && (key.value === '$ref' || key.value === '$dynamicRef')) {
        if (isScalar(value) && typeof value.value === 'string') {
          await checkRef(walk, path, lineOf(key as Node), value.value);
        }
      }
      stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
    }
  }
  if (aliases) {
    try {
      document.toJS({ maxAliasCount: treeLimits.aliases });
    } catch (error) {
      if (error instanceof ReferenceError || error instanceof RangeError) {
        refuse(walk, path, undefined, `YAML aliases expand past the limit (${error.message})`);
      }
      throw error;
    }
  }
  return undefined;
}

const decoded = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

async function checkRef(walk: Walk, file: string, line: number | undefined, ref: string) {
  const shown = code(ref);
  if (schemeRef.test(ref)) refuse(walk, file, line, `$ref ${shown} is a URL`);
  const path = ref.split('#')[0] ?? '';
  if (path === '') return;
  for (const form of new Set([path, decoded(path)])) {
    if (form.includes('\0')) refuse(walk, file, line, `$ref ${shown} holds a NUL`);
    if (form.startsWith('/') || form.startsWith('\\')) {
      refuse(walk, file, line, `$ref ${shown} is an absolute path`);
    }
    const target = resolve(dirname(file), form);
    if (!inside(walk.folder, target)) {
      refuse(walk, file, line, `$ref ${shown} leaves openapi/`);
    }
    const real = await realpath(target).catch(() => undefined);
    if (real === undefined) continue; // Redocly reports a ref to nothing.
    if (!inside(walk.folder, real)) {
      refuse(walk, file, line, `$ref ${shown} leads outside openapi/ through a symlink`);
    }
    const stats = await lstat(real);
    if (!stats.isFile()) refuse(walk, file, line, `$ref ${shown} is not a regular file`);
    queueFile(walk, real);
  }
}
