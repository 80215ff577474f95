// How a schema keyword moved between base and head, read the same way for a
// request parameter and for a response property: which way a bound went,
// which enum values came and went, how the types and format changed.

import { isObject, type Json, type JsonObject, sameJson } from '../../lib/json.ts';
import { memoisedByPair } from '../../lib/pair-memo.ts';
import { spend } from '../../lib/work-budget.ts';
import { code } from '../change.ts';
import { typesWrittenAsList } from '../normalise.ts';
import { describeTypes, type SchemaView, valueTypes } from '../schema.ts';

export type BoundKeyword =
  | 'minimum'
  | 'exclusiveMinimum'
  | 'minLength'
  | 'minItems'
  | 'maximum'
  | 'exclusiveMaximum'
  | 'maxLength'
  | 'maxItems';

export const lowerBounds: readonly BoundKeyword[] = [
  'minimum',
  'exclusiveMinimum',
  'minLength',
  'minItems',
];
export const upperBounds: readonly BoundKeyword[] = [
  'maximum',
  'exclusiveMaximum',
  'maxLength',
  'maxItems',
];
export const boundKeywords: readonly BoundKeyword[] = [...lowerBounds, ...upperBounds];

/** How oasdiff's rule ids spell each bound (`request-parameter-min-length-increased`). */
const asNumber = (value: Json | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;

/**
 * `narrowed`: fewer values are valid (a lower bound rose or a new bound
 * appeared); `widened`: more are (a lower bound fell or a bound went away).
 * `set` is the narrowing where there was no bound before.
 */
export type BoundMove = 'set' | 'narrowed' | 'widened';

export function boundMove(
  keyword: string,
  base: JsonObject,
  head: JsonObject,
  lower: boolean = (lowerBounds as readonly string[]).includes(keyword),
): BoundMove | undefined {
  const before = asNumber(base[keyword]);
  const after = asNumber(head[keyword]);
  if (before === after) return undefined;
  if (before === undefined) return 'set';
  if (after === undefined) return 'widened';
  return lower === after > before ? 'narrowed' : 'widened';
}

export const boundText = (keyword: string, base: JsonObject, head: JsonObject): string =>
  `${keyword} ${shownBound(base[keyword])} → ${shownBound(head[keyword])}`;

// A bound is a number; a contract that says otherwise is quoted, never echoed.
const shownBound = (value: Json | undefined): string =>
  typeof value === 'number' ? String(value) : shown(value);

/**
 * The values an `enum` (and, with `withConst`, a `const`) allows, as JSON
 * text, or `undefined` when any value goes. Responses read `const` apart
 * (oasdiff's response-…-const-… rules); a parameter's const is a one-value enum.
 */
export function allowedValues(schema: JsonObject, withConst = true): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value));
  if (withConst && schema.const !== undefined) return [JSON.stringify(schema.const)];
  return undefined;
}

export interface EnumMove {
  added: string[];
  removed: string[];
  /** An enum appeared where any value went. */
  became: boolean;
  /** The enum went away: any value goes. */
  dropped: boolean;
}

export function enumMove(
  base: JsonObject,
  head: JsonObject,
  withConst = true,
): EnumMove | undefined {
  const before = allowedValues(base, withConst);
  const after = allowedValues(head, withConst);
  if (sameJson(before, after)) return undefined;
  spend((before?.length ?? 0) + (after?.length ?? 0));
  // Sets: a contract may list hundreds of thousands of values.
  const had = new Set(before);
  const has = new Set(after);
  return {
    added: after?.filter((value) => !had.has(value)) ?? [],
    removed: before?.filter((value) => !has.has(value)) ?? [],
    became: before === undefined,
    dropped: after === undefined,
  };
}

/** Values for a message: the first ten, then how many more (an enum may be huge). */
export function listed(values: readonly string[]): string {
  const shownValues = values.slice(0, 10).map((value) => code(value));
  const more = values.length - shownValues.length;
  return more > 0 ? `${shownValues.join(', ')} and ${more} more` : shownValues.join(', ');
}

export type TypeMove = 'changed' | 'generalized' | 'specialized';

/** Whether the types are said (`type`, or alternatives that each say them), not inferred. */
const declaresTypes = (view: SchemaView): boolean =>
  view.merged.type !== undefined ||
  Array.isArray(view.merged.oneOf) ||
  Array.isArray(view.merged.anyOf);

/** Whether values of `type` are valid under `types` (every integer is a number). */
const within = (type: string, types: readonly string[]): boolean =>
  types.includes(type) || (type === 'integer' && types.includes('number'));

/** Formats that accept every value of another (oasdiff's isFormatContained): to ⊇ from. */
const widerFormats: Record<string, readonly string[]> = {
  int64: ['int32'],
  bigint: ['int32', 'int64'],
  double: ['float'],
  'date-time': ['date', 'time'],
};

/**
 * How the non-null types moved: `generalized` when the new types include
 * every old one (or any type goes), `specialized` when they are a subset,
 * `changed` otherwise. A `format` that appears narrows the value
 * (specialized), one that goes away or widens (int32 → int64, date →
 * date-time) widens it (generalized); any other change is both, so `changed`.
 * `loose`: the value travels as text (a query, path, header or cookie
 * parameter), so any type may become `string` and every value still parses
 * (oasdiff's non-strongly-typed reading).
 */
export function typeMove(base: SchemaView, head: SchemaView, loose = false): TypeMove | undefined {
  const before = valueTypes(base);
  const after = valueTypes(head);
  const formatBefore = base.merged.format;
  const formatAfter = head.merged.format;
  // A `type` written out or taken away, where the types read the same
  // (inferred from `items` or `properties`), still widens or narrows: without
  // it, any value is valid.
  const declaredBefore = declaresTypes(base);
  const declaredAfter = declaresTypes(head);
  const typesSame = describeTypes(before) === describeTypes(after);
  const formatSame = sameJson(formatBefore, formatAfter);
  if (typesSame && formatSame && declaredBefore === declaredAfter) return undefined;
  const typeWay: TypeMove | undefined = typesSame
    ? declaredBefore === declaredAfter
      ? undefined
      : declaredAfter
        ? 'specialized'
        : 'generalized'
    : after === undefined ||
        before?.every((t) => within(t, after)) ||
        (loose && after.length === 1 && after[0] === 'string')
      ? 'generalized'
      : before === undefined || after.every((t) => within(t, before))
        ? 'specialized'
        : 'changed';
  const formatWay: TypeMove | undefined = formatSame
    ? undefined
    : formatAfter === undefined
      ? 'generalized'
      : formatBefore === undefined
        ? 'specialized'
        : typeof formatAfter === 'string' &&
            typeof formatBefore === 'string' &&
            widerFormats[formatAfter]?.includes(formatBefore)
          ? 'generalized'
          : typeof formatAfter === 'string' &&
              typeof formatBefore === 'string' &&
              widerFormats[formatBefore]?.includes(formatAfter)
            ? 'specialized'
            : 'changed';
  const ways = new Set([typeWay, formatWay].filter((way): way is TypeMove => way !== undefined));
  return ways.size === 1 ? [...ways][0] : 'changed';
}

/** A type move, named as oasdiff names it: a list of types (oneOf/anyOf of type-only branches) apart. */
export interface TypeChange {
  move: TypeMove;
  /** Either side wrote its types as oneOf/anyOf branches, and the types (not the format) moved. */
  list: boolean;
}

// Several rules ask for the same pair's move: computed once per pair of views.
const strictChange = memoisedByPair((base: SchemaView, head: SchemaView) =>
  computeTypeChange(base, head, false),
);
const looseChange = memoisedByPair((base: SchemaView, head: SchemaView) =>
  computeTypeChange(base, head, true),
);

export const typeChange = (
  base: SchemaView,
  head: SchemaView,
  loose = false,
): TypeChange | undefined => (loose ? looseChange : strictChange)(base, head);

function computeTypeChange(
  base: SchemaView,
  head: SchemaView,
  loose: boolean,
): TypeChange | undefined {
  // Types that only come from oneOf/anyOf branches on both sides move with
  // the branches, which the alternative rules and the branch walk report.
  const fromBranches = (view: SchemaView) =>
    view.merged.type === undefined &&
    (Array.isArray(view.merged.oneOf) || Array.isArray(view.merged.anyOf));
  if (fromBranches(base) && fromBranches(head)) return undefined;
  const move = typeMove(base, head, loose);
  if (move === undefined) return undefined;
  const typesMoved = describeTypes(valueTypes(base)) !== describeTypes(valueTypes(head));
  const list = typesMoved && (typesWrittenAsList(base.merged) || typesWrittenAsList(head.merged));
  return { move, list };
}

export function typeText(base: SchemaView, head: SchemaView): string {
  const show = (view: SchemaView) => {
    const format = view.merged.format;
    const types = declaresTypes(view) ? describeTypes(valueTypes(view)) : 'any';
    return `${types}${typeof format === 'string' ? ` (${format})` : ''}`;
  };
  return `type changed from ${code(show(base))} to ${code(show(head))}`;
}

export type ValueMove = 'added' | 'removed' | 'changed';

/** How a single-valued keyword (a default, a pattern) moved, if it did. */
export function valueMove(
  before: Json | undefined,
  after: Json | undefined,
): ValueMove | undefined {
  if (sameJson(before, after)) return undefined;
  return before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
}

/** Values the review shows in a message. */
export const shown = (value: Json | undefined): string =>
  value === undefined ? 'none' : code(JSON.stringify(value));

/** How open an object is to keys it does not list: closed (false), typed (a schema), open. */
export function openness(schema: JsonObject): 0 | 1 | 2 {
  const extra = schema.additionalProperties;
  if (extra === false) return 0;
  // `{}` admits anything, as `true` and leaving it out do.
  return isObject(extra) && Object.keys(extra).length > 0 ? 1 : 2;
}
