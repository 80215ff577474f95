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
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `{ "purchases": [...] }` checked item by item; throws DatasetError naming the first problem. */
export function checkDataset(value: unknown, source: string): MockPurchase[] {
  const fail = (pointer: string, problem: string): never => {
    throw new DatasetError(`${source}: ${pointer || '/'}: ${problem}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('', 'must be an object with a "purchases" array');
  }
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
      if (typeof record[key] !== 'string' || !rfc3339.test(record[key])) {
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
