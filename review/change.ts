// What the comparer finds, and the two shapes a rule has: one that reads both
// whole contracts, one that reads one operation in both.
import type { JsonObject } from './json.ts';
import type { Operation } from './operations.ts';

/**
 * `unclassified`: the operation changed in a way no rule reads (a format, a
 * default, a request body); the report asks a person to read the diff.
 */
export type ChangeKind = 'breaking' | 'non-breaking' | 'unclassified';

export interface Change {
  kind: ChangeKind;
  /** Kebab-case id of the rule that found it, e.g. `status-removed`. */
  rule: string;
  /** The operation's key (`GET /path`), or `null` for the whole contract. */
  operation: string | null;
  /** One Markdown sentence for the report and the changelog. */
  message: string;
}

export interface OperationPair {
  base: Operation;
  head: Operation;
  baseDocument: JsonObject;
  headDocument: JsonObject;
}

export type DocumentRule = (base: JsonObject, head: JsonObject) => Change[];
export type OperationRule = (pair: OperationPair) => Change[];

export const change = (
  kind: ChangeKind,
  rule: string,
  operation: string | null,
  message: string,
): Change => ({ kind, rule, operation, message });

/** Names in `a` that are not in `b`. */
export const missingFrom = <T>(a: Iterable<T>, b: { has(key: T): boolean }): T[] =>
  [...a].filter((key) => !b.has(key));

export const code = (text: string): string => `\`${text}\``;
