// The purchases the mock serves, and the checks a dataset must pass: the
// house strictness of test/support/house-schemas.ts (every field present,
// counts ≥ 0, masked secrets, unique ids), so that a frontend developing
// against the mock sees complete, plausible data. A problem is reported as
// `<source>: <JSON pointer>: <what is wrong>`.
import { fields } from '../../generated/examples.js';
import type { components } from '../../generated/schema.js';
import { escapePointerToken } from '../shared/json-pointer.js';
import { collections } from './behaviours.js';

type Schemas = components['schemas'];
type Collections = typeof collections;

/** An item as the mock keeps it: every field of its schema present and not null. */
export type MockItem<Schema extends keyof Schemas> = {
  [Field in keyof Required<Schemas[Schema]>]-?: NonNullable<Schemas[Schema][Field]>;
};

/** Every collection the mock serves (behaviours.ts names them), each of its schema's items. */
export type MockData = {
  readonly [Name in keyof Collections]: readonly MockItem<Collections[Name]['schema']>[];
};

/** A purchase as the mock keeps it: every field, the domains included. */
export type MockPurchase = MockData['purchases'][number];
export type MockApi = MockData['apis'][number];

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}

const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** How deeply a dataset may nest: the servers copy and serialise every value. */
export const maxDatasetDepth = 64;

/**
 * A real RFC 3339 date-time, as Prism's validator (ajv-formats `date-time`)
 * reads it (`T` or a space between date and time, as RFC 3339 allows): month 1–12, a day that month has, 00:00:00–23:59:59, and a leap
 * second only at 23:59:60 UTC.
 */
export function isDateTime(text: string): boolean {
  const match = rfc3339.exec(text);
  if (match === null) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map(Number);
  const sign = match[7] === '-' ? -1 : 1;
  const [offsetHour, offsetMinute] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (offsetHour > 23 || offsetMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second <= 59) return true;
  const utcMinute = minute - offsetMinute * sign;
  const utcHour = hour - offsetHour * sign - (utcMinute < 0 ? 1 : 0);
  return (
    (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second === 60
  );
}

/** The pointer of the first value nested deeper than `maxDatasetDepth`, if any. */
function tooDeep(value: unknown): string | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [
    { value, pointer: '', depth: 0 },
  ];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (typeof top.value !== 'object' || top.value === null) continue;
    if (top.depth >= maxDatasetDepth) return top.pointer;
    for (const [key, child] of Object.entries(top.value)) {
      const segment = escapePointerToken(key);
      stack.push({ value: child, pointer: `${top.pointer}/${segment}`, depth: top.depth + 1 });
    }
  }
  return undefined;
}

/** How many problems a failed check lists: the rest are counted. */
export const maxDatasetProblems = 50;

export interface DatasetCheckOptions {
  /**
   * A field the schema does not have: `'warn'` (the default) serves the item
   * and says so through `onWarning`; `'refuse'` (`--strict-data`) is a
   * problem like any other.
   */
  unknownFields?: 'warn' | 'refuse';
  onWarning?: (line: string) => void;
}

/**
 * A dataset checked collection by collection (behaviours.ts says which, of
 * which schema): each item has every field of its schema, of its type (a
 * date-time a real one, an integer a count of at least 0, an array one of
 * non-empty strings), unique non-empty keys, masked secrets, and references
 * to items that exist. A collection other than the first may be left out
 * (empty). Throws DatasetError listing every problem (up to
 * `maxDatasetProblems`), one a line.
 */
export function checkDataset(
  value: unknown,
  source: string,
  options: DatasetCheckOptions = {},
): MockData {
  // Kept up to the cap, counted past it: a file of a million bad items costs no memory.
  const problems: string[] = [];
  let total = 0;
  const say = (pointer: string, problem: string) => {
    total += 1;
    if (problems.length < maxDatasetProblems)
      problems.push(`${source}: ${pointer || '/'}: ${problem}`);
  };
  const names = Object.keys(collections) as (keyof Collections)[];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    say('', `must be an object with a "${String(names[0])}" array`);
    throw datasetError(problems, total);
  }
  const deep = tooDeep(value);
  if (deep !== undefined) {
    say(deep, `nests deeper than ${maxDatasetDepth} levels`);
    throw datasetError(problems, total);
  }
  const record = value as Record<string, unknown>;
  // Fields no schema has: kept up to the cap and counted, as the problems are.
  const unknownLines: string[] = [];
  let unknownTotal = 0;
  const unknownField = (line: string) => {
    unknownTotal += 1;
    if (unknownLines.length < maxDatasetProblems) unknownLines.push(line);
  };
  if (record.description !== undefined && typeof record.description !== 'string') {
    say('/description', 'must be a string (what the dataset is)');
  }
  for (const key of Object.keys(record)) {
    if (key !== 'description' && !(names as string[]).includes(key)) {
      unknownField(
        `${source}: /${escapePointerToken(key)}: is not a collection (${names.join(', ')})`,
      );
    }
  }
  const data: Record<string, readonly Record<string, unknown>[]> = {};
  for (const [index, name] of names.entries()) {
    const items = record[name] ?? (index === 0 ? undefined : []);
    if (!Array.isArray(items)) {
      say(
        `/${name}`,
        items === undefined ? `is missing: an array of ${name}` : `must be an array of ${name}`,
      );
      continue;
    }
    data[name] = checkCollection(name, items, say, (pointer, field) =>
      unknownField(
        `${source}: ${pointer}: is not a field of ${collections[name].schema} ("${field}")`,
      ),
    );
  }
  for (const name of names) {
    const { references = {} } = collections[name] as CollectionSpec;
    for (const [field, target] of Object.entries(references)) {
      if (data[target] === undefined) continue;
      const known = new Set(data[target].map((item) => item[collections[target].key]));
      for (const [index, item] of (data[name] ?? []).entries()) {
        if (
          typeof item === 'object' &&
          item !== null &&
          item[field] !== undefined &&
          !known.has(item[field])
        ) {
          say(
            `/${name}/${index}/${field}`,
            `is not the ${collections[target].key} of any of ${target}`,
          );
        }
      }
    }
  }
  if (options.unknownFields === 'refuse') {
    total += unknownTotal;
    problems.push(...unknownLines.slice(0, maxDatasetProblems - problems.length));
  } else {
    for (const line of unknownLines) {
      options.onWarning?.(`${line}: served as is (--strict-data refuses it)`);
    }
    const more = unknownTotal - unknownLines.length;
    if (more > 0) options.onWarning?.(`${source}: ${more} more fields no schema has`);
  }
  if (total > 0) throw datasetError(problems, total);
  return data as unknown as MockData;
}

function datasetError(shown: string[], total: number): DatasetError {
  const more = total - shown.length;
  const count = `${total} problems`;
  const tail = more > 0 ? [`... and ${more} more (the first ${maxDatasetProblems} are shown)`] : [];
  // The first line alone reads as before: `<source>: <pointer>: <problem>`.
  return new DatasetError(
    total === 1 ? (shown[0] ?? '') : [`${count}:`, ...shown, ...tail].join('\n'),
  );
}

interface CollectionSpec {
  schema: keyof Schemas;
  key: string;
  masked?: Record<string, string>;
  references?: Record<string, keyof Collections>;
}

type Say = (pointer: string, problem: string) => void;

function checkCollection(
  name: keyof Collections,
  items: unknown[],
  say: Say,
  unknown: (pointer: string, field: string) => void,
): Record<string, unknown>[] {
  const spec: CollectionSpec = collections[name];
  const schema = fields[spec.schema] ?? {};
  const seen = new Set<unknown>();
  for (const [index, item] of items.entries()) {
    const at = `/${name}/${index}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      say(at, 'must be an object');
      continue;
    }
    const record = item as Record<string, unknown>;
    for (const field of Object.keys(record)) {
      if (!(field in schema)) unknown(`${at}/${escapePointerToken(field)}`, field);
    }
    for (const [field, { type, format }] of Object.entries(schema)) {
      const value = record[field];
      const where = `${at}/${field}`;
      if (value === undefined) {
        say(where, `is missing (${type}${format === undefined ? '' : `, ${format}`})`);
      } else if (type === 'string' && typeof value !== 'string') {
        say(where, 'must be a string');
      } else if (format === 'date-time' && !isDateTime(value as string)) {
        say(where, 'must be an RFC 3339 date-time such as "2024-01-01T00:00:00Z"');
      } else if (type === 'integer' && (!Number.isSafeInteger(value) || (value as number) < 0)) {
        say(where, 'must be an integer of at least 0');
      } else if (type === 'array') {
        if (!Array.isArray(value)) {
          say(where, 'must be an array of strings');
          continue;
        }
        for (const [position, entry] of value.entries()) {
          if (typeof entry !== 'string' || entry === '') {
            say(`${where}/${position}`, 'must be a non-empty string');
          }
        }
      }
    }
    const key = record[spec.key];
    if (key === '') say(`${at}/${spec.key}`, 'must not be empty');
    else if (key !== undefined && seen.has(key))
      say(`${at}/${spec.key}`, `duplicates the ${spec.key} "${String(key)}"`);
    seen.add(key);
    for (const [field, mask] of Object.entries(spec.masked ?? {})) {
      if (record[field] !== undefined && record[field] !== mask)
        say(`${at}/${field}`, `must be masked as "${mask}"`);
    }
  }
  return items as Record<string, unknown>[];
}
