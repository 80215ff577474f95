// The purchases the mock serves, and the checks a dataset must pass: the
// house strictness of test/support/house-schemas.ts (every field present,
// counts ≥ 0, masked secrets, unique ids), so that a frontend developing
// against the mock sees complete, plausible data. A problem is reported as
// `<source>: <JSON pointer>: <what is wrong>`.
import type { PurchasedGroup } from '../types.js';

/** A purchase as the mock keeps it: every field, the domains included. */
export type MockPurchase = Required<Omit<PurchasedGroup, 'group_domains'>> & {
  group_domains: string[];
};

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}

const strings = ['id', 'group_id', 'group_name', 'group_remark', 'app_key', 'app_secret'] as const;
const times = ['order_time', 'start_time', 'expire_time'] as const;
const counts = ['quota_left', 'quota_used'] as const;
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
      const segment = key.replaceAll('~', '~0').replaceAll('/', '~1');
      stack.push({ value: child, pointer: `${top.pointer}/${segment}`, depth: top.depth + 1 });
    }
  }
  return undefined;
}

/** `{ "purchases": [...] }` checked item by item; throws DatasetError naming the first problem. */
export function checkDataset(value: unknown, source: string): MockPurchase[] {
  const fail = (pointer: string, problem: string): never => {
    throw new DatasetError(`${source}: ${pointer || '/'}: ${problem}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('', 'must be an object with a "purchases" array');
  }
  const deep = tooDeep(value);
  if (deep !== undefined) fail(deep, `nests deeper than ${maxDatasetDepth} levels`);
  const { purchases } = value as { purchases?: unknown };
  if (!Array.isArray(purchases)) return fail('/purchases', 'must be an array of purchases');
  const seen = new Set<string>();
  for (const [index, item] of (purchases as unknown[]).entries()) {
    const at = `/purchases/${index}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      fail(at, 'must be an object');
    }
    const record = item as Record<string, unknown>;
    for (const key of strings) {
      if (typeof record[key] !== 'string') fail(`${at}/${key}`, 'must be a string');
    }
    if (record.id === '') fail(`${at}/id`, 'must not be empty');
    if (seen.has(record.id as string)) fail(`${at}/id`, `duplicates the id "${record.id}"`);
    seen.add(record.id as string);
    if (record.app_secret !== '******') fail(`${at}/app_secret`, 'must be masked as "******"');
    for (const key of times) {
      if (typeof record[key] !== 'string' || !isDateTime(record[key])) {
        fail(`${at}/${key}`, 'must be an RFC 3339 date-time such as "2024-01-01T00:00:00Z"');
      }
    }
    for (const key of counts) {
      if (!Number.isSafeInteger(record[key]) || (record[key] as number) < 0) {
        fail(`${at}/${key}`, 'must be an integer of at least 0');
      }
    }
    const domains = record.group_domains;
    if (!Array.isArray(domains)) fail(`${at}/group_domains`, 'must be an array of strings');
    for (const [position, domain] of (domains as unknown[]).entries()) {
      if (typeof domain !== 'string' || domain === '') {
        fail(`${at}/group_domains/${position}`, 'must be a non-empty string');
      }
    }
  }
  return purchases as MockPurchase[];
}
