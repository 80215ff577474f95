// Where a finding is in the files a contract was bundled from: file, line,
// column and the JSON pointer inside that file. A finding carries its place
// as logical steps from the root document (`paths`, the path, `get`,
// `responses`, `200`, …, or a parameter by location and name), the same on
// the bundled document and on the source files; the walk here follows each
// `$ref` into the file (and pointer) it names, looks through `allOf` members
// for a key the merged schema has, and stops at the nearest node that exists
// when the rest is gone (a removal: that node is where it is annotated).
//
// The files are the guard's (contract-tree.ts): already bounded in size,
// depth and aliases, and every `$ref` checked to stay inside openapi/. The
// walk reads the YAML syntax tree (no alias is expanded) and bounds its own
// work: a `$ref` chain or an `allOf` search gives up past a few dozen hops.
import { posix } from 'node:path';
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLMap,
} from 'yaml';

/** One step of a logical path: a key (or a sequence index), or a parameter by `in` and name. */
export type Step = string | { parameter: string };

/** The files of one side: the root file and every contract file's text, by path from the repository. */
export interface SourceFiles {
  root: string;
  texts: ReadonlyMap<string, string>;
}

export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** JSON pointer to the node inside `file`. */
  pointer: string;
  /** False when the node the steps name is gone and this is its nearest existing ancestor. */
  exact: boolean;
}

interface Parsed {
  document: Document;
  lines: LineCounter;
}

/** Where the walk stands: a node of a file, and where its key was written. */
interface Place {
  file: string;
  node: Node | null;
  pointer: string;
  /** Offset of the key (or item) that led here, for its line. */
  offset: number;
}

const MAX_HOPS = 32;
/** Places tried in one search through `allOf` members. */
const MAX_SEARCH = 256;

const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapePointer = (token: string): string =>
  token.replaceAll('~1', '/').replaceAll('~0', '~');

/** A function that locates logical paths in `files`; parsing is done once per file. */
export function locator(
  files: SourceFiles,
): (steps: readonly Step[]) => SourceLocation | undefined {
  const parsed = new Map<string, Parsed | null>();
  const parse = (file: string): Parsed | null => {
    let found = parsed.get(file);
    if (found === undefined) {
      const text = files.texts.get(file);
      if (text === undefined) found = null;
      else {
        const lines = new LineCounter();
        found = { document: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
      }
      parsed.set(file, found);
    }
    return found;
  };

  const resolveAlias = (file: string, node: Node | null): Node | null => {
    const doc = parse(file)?.document;
    let current = node;
    for (let hops = 0; isAlias(current) && doc !== undefined && hops < MAX_HOPS; hops += 1) {
      current = (current.resolve(doc) as Node | undefined) ?? null;
    }
    return current;
  };

  /** The node at `pointer` (`/a/b`) in `file`, or undefined. */
  const atPointer = (file: string, pointer: string): Place | undefined => {
    const root = parse(file);
    if (root === null) return undefined;
    let place: Place = { file, node: root.document.contents, pointer: '', offset: 0 };
    if (pointer === '' || pointer === '/') return place;
    for (const token of pointer.replace(/^\//, '').split('/')) {
      const next = child(place, decodeURIComponent(unescapePointer(token)));
      if (next === undefined) return undefined;
      place = next;
    }
    return place;
  };

  /** Follows `$ref`s from `place` to the node they end at. */
  const deref = (start: Place): Place => {
    let place = start;
    for (let hops = 0; hops < MAX_HOPS; hops += 1) {
      const node = resolveAlias(place.file, place.node);
      if (!isMap(node)) return { ...place, node };
      const ref = node.get('$ref');
      if (typeof ref !== 'string') return { ...place, node };
      const [target = '', fragment = ''] = ref.split('#');
      const file = target === '' ? place.file : posix.join(posix.dirname(place.file), target);
      const landed = atPointer(file, fragment);
      if (landed === undefined) return { ...place, node };
      place = { ...landed, offset: landed.pointer === '' ? 0 : landed.offset };
    }
    return place;
  };

  /** The child `key` of a mapping, or item `key` of a sequence, as written (no `$ref` followed). */
  const child = (place: Place, key: string): Place | undefined => {
    const node = resolveAlias(place.file, place.node);
    if (isMap(node)) {
      const pair = (node as YAMLMap).items.find(
        (item) => isScalar(item.key) && String(item.key.value) === key,
      );
      if (pair === undefined) return undefined;
      const offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? place.offset;
      return {
        file: place.file,
        node: (pair.value as Node | null) ?? null,
        pointer: `${place.pointer}/${escapePointer(key)}`,
        offset,
      };
    }
    if (isSeq(node) && /^\d+$/.test(key)) {
      const item = node.items[Number(key)] as Node | undefined;
      if (item === undefined) return undefined;
      return {
        file: place.file,
        node: item,
        pointer: `${place.pointer}/${key}`,
        offset: item.range?.[0] ?? place.offset,
      };
    }
    return undefined;
  };

  /**
   * The places `key` may be below a schema: its own, then its `allOf`
   * members' (and theirs), each member followed through its `$ref`.
   */
  const candidates = (place: Place, key: string, budget: { hops: number }): Place[] => {
    const found: Place[] = [];
    const own = child(place, key);
    if (own !== undefined) found.push(own);
    const members = child(place, 'allOf');
    const list = members && resolveAlias(members.file, members.node);
    if (!isSeq(list)) return found;
    for (let index = 0; index < list.items.length; index += 1) {
      budget.hops += 1;
      if (budget.hops > MAX_SEARCH) return found;
      const member = child(members as Place, String(index));
      if (member !== undefined) found.push(...candidates(deref(member), key, budget));
    }
    return found;
  };

  /** A parameter by `in` and name among an operation's parameters, then its path item's. */
  const parameter = (operation: Place, pathItem: Place | undefined, key: string) => {
    for (const holder of [operation, pathItem]) {
      if (holder === undefined) continue;
      const list = child(holder, 'parameters');
      const items = list && resolveAlias(list.file, list.node);
      if (!isSeq(items)) continue;
      for (let index = 0; index < items.items.length; index += 1) {
        const item = child(list as Place, String(index));
        if (item === undefined) continue;
        const resolved = deref(item);
        const node = resolved.node;
        if (isMap(node) && `${node.get('in')} ${node.get('name')}` === key) return resolved;
      }
    }
    return undefined;
  };

  /** The deepest place `steps` reach from `start`, trying each allOf member a key may be in. */
  const descend = (
    start: Place,
    steps: readonly Step[],
    index: number,
    trail: readonly Place[],
    budget: { hops: number },
  ): { place: Place; reached: number } => {
    const step = steps[index];
    if (step === undefined) return { place: start, reached: index };
    const here = deref(start);
    const next =
      typeof step === 'string'
        ? candidates(here, step, budget)
        : [parameter(here, trail.at(-1), step.parameter)].filter((found) => found !== undefined);
    let best = { place: here, reached: index };
    for (const place of next) {
      const found = descend(place, steps, index + 1, [...trail, here], budget);
      if (found.reached > best.reached) best = found;
      if (best.reached === steps.length || budget.hops > MAX_SEARCH) break;
    }
    return best;
  };

  return (steps) => {
    const root = parse(files.root);
    if (root === null) return undefined;
    const start: Place = { file: files.root, node: root.document.contents, pointer: '', offset: 0 };
    const { place: reached, reached: depth } = descend(start, steps, 0, [], { hops: 0 });
    const exact = depth === steps.length;
    // A node that is a `$ref` is where the reference leads (its own file, from line 1).
    const place = exact ? deref(reached) : reached;
    const lines = parse(place.file)?.lines;
    const position = lines?.linePos(place.offset) ?? { line: 1, col: 1 };
    return {
      file: place.file,
      line: position.line,
      column: position.col,
      pointer: place.pointer,
      exact,
    };
  };
}

/**
 * Each change with its place in the head's files (the node, or the nearest
 * that still exists) and, when the head no longer has it, in the base's.
 */
export function locateChanges<
  C extends { at?: { base?: readonly Step[]; head?: readonly Step[] } },
>(
  changes: readonly C[],
  sources: { base: SourceFiles; head: SourceFiles },
): (Omit<C, 'at'> & { location?: SourceLocation; baseLocation?: SourceLocation })[] {
  const inHead = locator(sources.head);
  const inBase = locator(sources.base);
  return changes.map(({ at, ...rest }) => {
    const location = at?.head ? inHead(at.head) : undefined;
    const baseLocation = at?.base && location?.exact !== true ? inBase(at.base) : undefined;
    return {
      ...rest,
      ...(location ? { location } : {}),
      ...(baseLocation ? { baseLocation } : {}),
    };
  });
}
