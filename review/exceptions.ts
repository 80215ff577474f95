// Narrow exceptions (openapi/review-exceptions.yaml): each entry allows
// exactly one finding, named by its rule, its operation and its place (the
// file and JSON pointer the report gives: `location`, or `base_location` for
// what the head no longer has), with a reason, who approved it and until
// when. An expired entry fails the review; so does one that matched nothing,
// so that stale entries are removed.
//
// The file is read from the head, which the pull request controls: an entry
// it adds or changes could allow its own breaking change. So every entry
// added, changed or removed against the base is itself a finding (a warning,
// on the entry's line), listed where reviewers read, and docs/review.md asks
// for a code owner's approval of the file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { type Change, code, type ReviewException } from './change.ts';
import { checkIds } from './check-ids.ts';
import type { SourceFiles } from './locate.ts';

export const exceptionsFile = 'openapi/review-exceptions.yaml';

const fields = [
  'rule',
  'operation',
  'file',
  'pointer',
  'reason',
  'approved_by',
  'expires',
] as const;

export interface ListedException extends ReviewException {
  line: number;
}

/** The entries of the file, each with its line, and what is wrong with the file. */
export function readExceptions(files: SourceFiles): {
  entries: ListedException[];
  problems: string[];
} {
  const text = files.texts.get(exceptionsFile);
  if (text === undefined) return { entries: [], problems: [] };
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, schema: 'core' });
  const lineAt = (offset: number | undefined) => lines.linePos(offset ?? 0).line;
  if (document.errors.length > 0) {
    const [first] = document.errors;
    return {
      entries: [],
      problems: [`${exceptionsFile}:${lineAt(first?.pos[0])}: not YAML (${first?.code})`],
    };
  }
  const list = isMap(document.contents) ? document.contents.get('exceptions', true) : undefined;
  if (list === undefined || list === null) return { entries: [], problems: [] };
  if (!isSeq(list)) {
    return {
      entries: [],
      problems: [
        `${exceptionsFile}:${lineAt(document.contents?.range?.[0])}: \`exceptions\` must be a list`,
      ],
    };
  }
  const entries: ListedException[] = [];
  const problems: string[] = [];
  list.items.forEach((item, index) => {
    const line = lineAt((item as { range?: [number] }).range?.[0]);
    const where = `${exceptionsFile}:${line}`;
    if (!isMap(item)) {
      problems.push(`${where}: exception ${index + 1} must be a mapping of ${fields.join(', ')}`);
      return;
    }
    const value = (field: string) => {
      const node = item.get(field, true);
      return isScalar(node) ? node.value : undefined;
    };
    const missing = fields.filter(
      (field) => field !== 'operation' && (typeof value(field) !== 'string' || value(field) === ''),
    );
    const unknown = item.items
      .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '?'))
      .filter((key) => !(fields as readonly string[]).includes(key));
    const operation = value('operation');
    const expires = String(value('expires') ?? '');
    if (missing.length > 0) {
      problems.push(
        `${where}: exception ${index + 1} needs ${missing.join(', ')} (non-empty text)`,
      );
    } else if (unknown.length > 0) {
      problems.push(`${where}: exception ${index + 1} has unknown field(s) ${unknown.join(', ')}`);
    } else if (operation !== null && typeof operation !== 'string') {
      problems.push(`${where}: exception ${index + 1}: operation must be \`GET /path\` or null`);
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(expires))) {
      problems.push(`${where}: exception ${index + 1}: expires must be a date, YYYY-MM-DD`);
    } else {
      const entry = Object.fromEntries(fields.map((field) => [field, value(field) ?? null]));
      entries.push({ ...(entry as unknown as ReviewException), line });
    }
  });
  return { entries, problems };
}

/** The place an exception names a finding by: where it is, or where it was when it is gone. */
export const placeOfFinding = (found: Change) =>
  found.location?.exact ? found.location : (found.baseLocation ?? found.location);

const allows = (entry: ReviewException, found: Change): boolean => {
  const place = placeOfFinding(found);
  return (
    entry.rule === found.rule &&
    entry.operation === found.operation &&
    place !== undefined &&
    entry.file === place.file &&
    entry.pointer === place.pointer
  );
};

const describe = (entry: ReviewException) =>
  `${code(entry.rule)} on ${entry.operation === null ? 'the whole contract' : code(entry.operation)} at ${code(`${entry.file}#${entry.pointer}`)}`;

export interface AppliedExceptions {
  /** The changes, those an entry allows marked `accepted`. */
  changes: Change[];
  /** What fails the review: an unreadable file, expired entries, entries that matched nothing. */
  problems: string[];
  /** Per entry, what it allowed (for the report). */
  uses: { entry: ListedException; allowed: Change[] }[];
}

/** Marks the findings the head's entries allow, and finds what is wrong with the entries. */
export function applyExceptions(
  changes: readonly Change[],
  files: { base: SourceFiles; head: SourceFiles },
  today: string,
): AppliedExceptions {
  const { entries, problems } = readExceptions(files.head);
  const uses = entries.map((entry) => ({ entry, allowed: [] as Change[] }));
  const marked = changes.map((found) => {
    const use = uses.find(({ entry }) => allows(entry, found));
    if (use === undefined) return found;
    use.allowed.push(found);
    const { line: _line, ...entry } = use.entry;
    return { ...found, accepted: entry };
  });
  for (const { entry, allowed } of uses) {
    const where = `${exceptionsFile}:${entry.line}`;
    if (entry.expires < today) {
      problems.push(
        `${where}: the exception for ${describe(entry)} expired on ${entry.expires}: remove it, or renew it with a new approval`,
      );
    } else if (allowed.length === 0) {
      problems.push(
        `${where}: the exception for ${describe(entry)} matched no finding of this comparison: remove it (a stale exception allows nothing)`,
      );
    }
  }
  return { changes: [...marked, ...exceptionEdits(files, entries)], problems, uses };
}

const sameEntry = (a: ReviewException, b: ReviewException) =>
  fields.every((field) => a[field] === b[field]);
const sameTarget = (a: ReviewException, b: ReviewException) =>
  a.rule === b.rule && a.operation === b.operation && a.file === b.file && a.pointer === b.pointer;

/** Every entry the head adds, changes or removes against the base: a finding a reviewer must see. */
function exceptionEdits(files: { base: SourceFiles; head: SourceFiles }, head: ListedException[]) {
  const base = readExceptions(files.base).entries;
  const at = (entry: ListedException) => ({
    file: exceptionsFile,
    line: entry.line,
    column: 1,
    pointer: '/exceptions',
    exact: true,
  });
  const edits: Change[] = [];
  for (const entry of head) {
    const before = base.find((other) => sameTarget(other, entry));
    if (before !== undefined && sameEntry(before, entry)) continue;
    edits.push({
      kind: 'warning',
      rule: before === undefined ? checkIds.exceptionAdded : checkIds.exceptionChanged,
      operation: entry.operation,
      message: `this pull request ${before === undefined ? 'adds' : 'changes'} the exception for ${describe(entry)}: ${code(entry.reason)}, approved by ${code(entry.approved_by)} until ${code(entry.expires)}. A reviewer must agree: the head's file allows the head's changes`,
      location: at(entry),
    });
  }
  for (const entry of base) {
    if (head.some((other) => sameTarget(other, entry))) continue;
    edits.push({
      kind: 'non-breaking',
      rule: checkIds.exceptionRemoved,
      operation: entry.operation,
      message: `this pull request removes the exception for ${describe(entry)}`,
      baseLocation: at(entry),
    });
  }
  return edits;
}
