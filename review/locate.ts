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
// depth and aliases, and every `$ref` checked to stay inside openapi/. Each is
// read by js-yaml (Redocly's own reader, several times faster than a full
// syntax tree) with its node events recorded: where every node starts, and
// its children in order (a mapping's keys and values, a sequence's items).
// The walk bounds its own work: a `$ref` chain or an `allOf` search gives up
// past a few dozen hops.
import { posix } from 'node:path';
import * as jsYaml from 'js-yaml';
import { escapePointerToken, fragmentToken } from '../lib/json.ts';
import { type At, type Step, stepsAlong } from './steps.ts';

export type { Step };

import { redoclySchema } from './contract-tree.ts';

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

/** A node as js-yaml composed it: where it starts, its value, its children in order. */
interface Node {
  start: number;
  value: unknown;
  /** A mapping's keys and values alternating; a sequence's items. */
  children: Node[];
}

interface Parsed {
  root: Node | null;
  /** The node an object was first composed at (an alias points there). */
  anchors: WeakMap<object, Node>;
  /** Offsets where each line starts. */
  lineStarts: number[];
}

/** Files parsed for locating, by path; null for a path that is not among them. */
export type ParsedFiles = Map<string, Parsed | null>;

function parseText(text: string): Parsed {
  const anchors = new WeakMap<object, Node>();
  const stack: Node[] = [];
  let root: Node | null = null;
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown }) => {
    if (event === 'open') {
      stack.push({ start: state.position, value: undefined, children: [] });
      return;
    }
    let node = stack.pop();
    if (node === undefined) return;
    node.value = state.result;
    // js-yaml opens a block sequence's item twice: one node for both.
    const [only] = node.children;
    if (only !== undefined && node.children.length === 1 && only.value === node.value) {
      if (typeof node.value === 'object') node = { ...only, start: node.start };
    }
    if (typeof node.value === 'object' && node.value !== null && !anchors.has(node.value)) {
      anchors.set(node.value, node);
    }
    const parent = stack.at(-1);
    if (parent === undefined) root = node;
    else parent.children.push(node);
  };
  try {
    jsYaml.load(text, { schema: redoclySchema, listener } as jsYaml.LoadOptions);
  } catch {
    root = null;
  }
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  return { root, anchors, lineStarts };
}

/** 1-based line and column of an offset. */
function positionOf(parsed: Parsed, offset: number): { line: number; col: number } {
  const starts = parsed.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, col: offset - (starts[low] ?? 0) + 1 };
}

/**
 * Every file of `files` parsed now: the review does this in its worker while
 * Redocly bundles, so that locating findings later costs no parse.
 */
export function parseAll(files: SourceFiles): ParsedFiles {
  return new Map([...files.texts].map(([file, text]) => [file, parseText(text)]));
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

/** A function that locates logical paths in `files`; parsing is done once per file. */
export function locator(
  files: SourceFiles,
  parsed: ParsedFiles = new Map(),
): (steps: readonly Step[]) => SourceLocation | undefined {
  const parse = (file: string): Parsed | null => {
    let found = parsed.get(file);
    if (found === undefined) {
      const text = files.texts.get(file);
      found = text === undefined ? null : parseText(text);
      parsed.set(file, found);
    }
    return found;
  };

  /** An alias node (no children, an object value) stands for the node it names. */
  const resolveAlias = (file: string, node: Node | null | undefined): Node | null => {
    if (node === null || node === undefined) return null;
    if (node.children.length > 0) return node;
    const { value } = node;
    if (typeof value !== 'object' || value === null) return node;
    return parse(file)?.anchors.get(value) ?? node;
  };

  const isMapping = (node: Node | null | undefined): node is Node =>
    node !== null &&
    node !== undefined &&
    typeof node.value === 'object' &&
    node.value !== null &&
    !Array.isArray(node.value);
  const isSequence = (node: Node | null | undefined): node is Node =>
    node !== null && node !== undefined && Array.isArray(node.value);

  /** The node at `pointer` (`/a/b`) in `file`, or undefined. */
  const atPointer = (file: string, pointer: string): Place | undefined => {
    const root = parse(file);
    if (root === null) return undefined;
    let place: Place = { file, node: root.root, pointer: '', offset: 0 };
    if (pointer === '' || pointer === '/') return place;
    for (const token of pointer.replace(/^\//, '').split('/')) {
      const next = child(place, fragmentToken(token));
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
      if (!isMapping(node)) return { ...place, node };
      const ref = (node.value as Record<string, unknown>).$ref;
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
    const node: Node | null = resolveAlias(place.file, place.node);
    if (node === null) return undefined;
    if (!Array.isArray(node.value) && isMapping(node)) {
      const { children } = node;
      for (let index = 0; index + 1 < children.length; index += 2) {
        const name = children[index] as Node;
        if (String(name.value) !== key) continue;
        return {
          file: place.file,
          node: children[index + 1] ?? null,
          pointer: `${place.pointer}/${escapePointerToken(key)}`,
          offset: name.start,
        };
      }
      return undefined;
    }
    if (Array.isArray(node.value) && /^\d+$/.test(key)) {
      const item = node.children[Number(key)];
      if (item === undefined) return undefined;
      return {
        file: place.file,
        node: item,
        pointer: `${place.pointer}/${key}`,
        offset: item.start,
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
    if (!isSequence(list)) return found;
    for (let index = 0; index < list.children.length; index += 1) {
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
      if (!isSequence(items)) continue;
      for (let index = 0; index < items.children.length; index += 1) {
        const item = child(list as Place, String(index));
        if (item === undefined) continue;
        const resolved = deref(item);
        const value = resolved.node?.value as Record<string, unknown> | undefined;
        if (isMapping(resolved.node) && `${value?.in} ${value?.name}` === key) return resolved;
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

  /**
   * A component the root file does not list: Redocly's bundle names it after
   * the file that holds it (`components/schemas/PurchaseBase.yaml` becomes
   * `#/components/schemas/PurchaseBase`), so it is looked for by that name.
   */
  let components: Map<string, string> | undefined;
  const componentFile = (steps: readonly Step[]): Place | undefined => {
    const [top, kind, name] = steps;
    if (top !== 'components' || typeof kind !== 'string' || typeof name !== 'string') return;
    // `<kind>/<name>` → its file, found once for all the findings.
    components ??= new Map(
      [...files.texts.keys()].flatMap((path) => {
        const match = /(?:^|\/)components\/([^/]+)\/([^/]+)\.(?:ya?ml|json)$/.exec(path);
        return match ? [[`${match[1]}/${match[2]}`, path] as const] : [];
      }),
    );
    const file = components.get(`${kind}/${name}`);
    const root = file === undefined ? null : parse(file);
    return file === undefined || root === null
      ? undefined
      : { file, node: root.root, pointer: '', offset: 0 };
  };

  return (steps) => {
    const root = parse(files.root);
    if (root === null) return undefined;
    const start: Place = { file: files.root, node: root.root, pointer: '', offset: 0 };
    let { place: reached, reached: depth } = descend(start, steps, 0, [], { hops: 0 });
    const component = depth < 3 ? componentFile(steps) : undefined;
    if (component !== undefined) {
      ({ place: reached, reached: depth } = descend(component, steps, 3, [], { hops: 0 }));
    }
    const exact = depth === steps.length;
    // A node that is a `$ref` is where the reference leads (its own file, from line 1).
    const place = exact ? deref(reached) : reached;
    const parsed = parse(place.file);
    const position = parsed ? positionOf(parsed, place.offset) : { line: 1, col: 1 };
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
export function locateChanges<C extends { at?: At }>(
  changes: readonly C[],
  sources: { base: SourceFiles; head: SourceFiles },
  parsed: { base?: ParsedFiles; head?: ParsedFiles } = {},
): (Omit<C, 'at'> & { location?: SourceLocation; baseLocation?: SourceLocation })[] {
  const inHead = locator(sources.head, parsed.head);
  const inBase = locator(sources.base, parsed.base);
  return changes.map(({ at, ...rest }) => {
    const location = at?.head ? inHead(stepsAlong(at.head)) : undefined;
    const baseLocation =
      at?.base && location?.exact !== true ? inBase(stepsAlong(at.base)) : undefined;
    return {
      ...rest,
      ...(location ? { location } : {}),
      ...(baseLocation ? { baseLocation } : {}),
    };
  });
}
