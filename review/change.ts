// What the comparer finds, and the shape of a rule of the catalogue.
//
// A rule has an id, a level and one line saying what it finds; where oasdiff
// (the reference tool, checker/rules.go) has the same rule it names oasdiff's
// id and level, and `differs` says why ours differs when it does. A rule
// checks one or more subjects (the whole contract, an operation, a
// parameter, a response, a response schema node) and names the keys of each
// subject it reads: the comparer reports any other key that differs as
// unclassified, so no difference passes unseen whatever else changed.
import type { JsonObject } from '../lib/json.ts';
import { code } from './inert.ts';
import type { SourceLocation } from './locate.ts';
import type { At } from './steps.ts';

export type { At };

import type { Operation } from './operations.ts';
import type { RuleId } from './rule-ids.ts';
import type { SchemaView } from './schema.ts';

/** error: fails the review; warning: listed, may break some clients; info: safe. */
export type Level = 'error' | 'warning' | 'info';

/**
 * How the report and CHANGELOG group a change. `check`: not a change for
 * clients but something CI would refuse (a stale translation, a stale
 * generated/), which fails the review first.
 */
export type ChangeKind = 'breaking' | 'warning' | 'non-breaking' | 'unclassified' | 'check';

export interface Change {
  kind: ChangeKind;
  /** The catalogue id of the rule that found it, or `unclassified`. */
  rule: string;
  /** The operation's key (`GET /path`), or `null` for the whole contract. */
  operation: string | null;
  /** One Markdown sentence for the report and the changelog. */
  message: string;
  /** Where it is, as logical steps on each side (locate.ts); dropped once located. */
  at?: At;
  /** Where it is in the head's files: the node, or its nearest ancestor that still exists. */
  location?: SourceLocation;
  /** Where it was in the base's files, when the head no longer has it. */
  baseLocation?: SourceLocation;
  /** The entry of openapi/review-exceptions.yaml that allows it (exceptions.ts). */
  accepted?: ReviewException;
}

/** One entry of openapi/review-exceptions.yaml: exactly one finding it allows, and who said so. */
export interface ReviewException {
  rule: string;
  /** `GET /path`, or null for the whole contract. */
  operation: string | null;
  /** The file and the JSON pointer in it of the finding's place (`location`, or `base_location` for a removal). */
  file: string;
  pointer: string;
  reason: string;
  approved_by: string;
  /** `YYYY-MM-DD`: from the next day on the entry is an error. */
  expires: string;
}

export const kindOf: Record<Level, ChangeKind> = {
  error: 'breaking',
  warning: 'warning',
  info: 'non-breaking',
};

export interface Finding {
  operation: string | null;
  message: string;
  /** Where below its subject it is (`properties`, `quota_left`), when the rule knows better than its reads. */
  below?: readonly string[];
}

/** oasdiff's stability levels (`x-stability-level` on an operation); none is `stable`. */
export const stabilityLevels = ['draft', 'alpha', 'beta', 'stable'] as const;
export type StabilityLevel = (typeof stabilityLevels)[number];

/** What the deprecation rules compare against: the date, and the review's deprecation policy. */
export interface ReviewPolicy {
  /** Today, `YYYY-MM-DD` (UTC): sunset dates are compared with it. */
  today: string;
  /**
   * Per stability level, the days a deprecation must give before its sunset;
   * above 0, a deprecation needs an x-sunset (oasdiff's --deprecation-days-beta
   * and --deprecation-days-stable; draft and alpha are always 0).
   */
  deprecationDays: Record<StabilityLevel, number>;
}

export const defaultPolicy = (): ReviewPolicy => ({
  today: new Date().toISOString().slice(0, 10),
  deprecationDays: { draft: 0, alpha: 0, beta: 0, stable: 0 },
});

export interface DocumentPair {
  base: JsonObject;
  head: JsonObject;
  policy: ReviewPolicy;
  baseOperations: ReadonlyMap<string, Operation>;
  headOperations: ReadonlyMap<string, Operation>;
}

export interface OperationPair {
  base: Operation;
  head: Operation;
  policy: ReviewPolicy;
  baseDocument: JsonObject;
  headDocument: JsonObject;
}

/** One parameter (by location and name) of an operation both sides have; either side may lack it. */
export interface ParameterPair {
  operation: OperationPair;
  /** `query page_size`. */
  key: string;
  base: JsonObject | undefined;
  head: JsonObject | undefined;
  baseSchema: SchemaView | undefined;
  headSchema: SchemaView | undefined;
}

/** One status of an operation both sides have; either side may lack it. */
export interface ResponsePair {
  operation: OperationPair;
  status: string;
  base: JsonObject | undefined;
  head: JsonObject | undefined;
}

/** One schema node of a response body both sides document, from the body down. */
export interface SchemaPair {
  operation: string;
  /** `200`, or `200 application/xml` when the media type is not JSON. */
  response: string;
  /** Dotted path of the property (`purchases[].app_key`), `''` for the body. */
  where: string;
  base: SchemaView;
  head: SchemaView;
  baseDocument: JsonObject;
  headDocument: JsonObject;
  policy: ReviewPolicy;
  /** The head's operation the response belongs to. */
  endpoint: Operation;
  /** For a property: whether its parent object requires it, on each side. */
  requiredIn?: { base: boolean; head: boolean };
}

/** A schema node inside a parameter's schema (an object parameter's property, an array's items). */
export interface ParameterSchemaPair {
  /** The parameter, which both sides have. */
  parameter: ParameterPair;
  /** Dotted path below the parameter's schema (`filter.name`, `[]`). */
  where: string;
  base: SchemaView;
  head: SchemaView;
}

export interface Subjects {
  document: DocumentPair;
  operation: OperationPair;
  parameter: ParameterPair;
  response: ResponsePair;
  schema: SchemaPair;
  parameterSchema: ParameterSchemaPair;
}

export type Subject = keyof Subjects;

export interface Rule {
  id: RuleId;
  level: Level;
  /** One line: what the rule finds and why it is (not) breaking. */
  description: string;
  /** oasdiff's rule with the same meaning, or null when it has none. */
  oasdiff: { id: string; level: 'ERR' | 'WARN' | 'INFO' } | null;
  /** Why our id or level is not oasdiff's, when it is not. */
  differs?: string;
  /**
   * oasdiff's id for the same event when the value is the response body
   * itself (`response-body-type-changed` for `response-property-type-changed`):
   * a finding on the body carries it.
   */
  bodyId?: RuleId;
  /** Per subject: the check, and the keys of the subject it reads (and so explains). */
  checks: { [S in Subject]?: { reads: readonly string[]; find: (pair: Subjects[S]) => Finding[] } };
}

/** Names in `a` that are not in `b`. */
export const missingFrom = <T>(a: Iterable<T>, b: { has(key: T): boolean }): T[] =>
  [...a].filter((key) => !b.has(key));

/** A contract value in a message: see inert.ts. */
export { code };

/** `query parameter \`page_size\``: how messages name a parameter. */
export const parameterLabel = (pair: ParameterPair): string => {
  const [location, ...name] = pair.key.split(' ');
  return `${location} parameter ${code(name.join(' '))}`;
};

export const finding = (operation: string | null, message: string): Finding => ({
  operation,
  message,
});

export const change = (
  kind: ChangeKind,
  rule: string,
  operation: string | null,
  message: string,
  at?: At,
): Change => ({ kind, rule, operation, message, ...(at ? { at } : {}) });
