// Lifecycle facts oasdiff's deprecation rules read, in one place: a node's
// `deprecated` and `x-sunset`, the sunset as a date, an operation's
// `x-stability-level` and the days its policy asks for, and how a removal
// stands against its deprecation (before its sunset, after, without).
import type { Json, JsonObject } from '../../lib/json.ts';
import {
  type ParameterPair,
  type ReviewPolicy,
  type StabilityLevel,
  stabilityLevels,
} from '../change.ts';
import type { Operation } from '../operations.ts';

/** What the lifecycle rules read of a node: `deprecated` and `x-sunset`. */
export interface Lifecycle {
  deprecated: boolean;
  sunset: Json | undefined;
}

export const lifecycleOf = (node: JsonObject): Lifecycle => ({
  deprecated: node.deprecated === true,
  sunset: node['x-sunset'] as Json | undefined,
});

/** A parameter is deprecated when it or its schema says so. */
export const parameterLifecycle = (parameter: JsonObject, schema: JsonObject): Lifecycle => ({
  deprecated: parameter.deprecated === true || schema.deprecated === true,
  sunset: (parameter['x-sunset'] ?? schema['x-sunset']) as Json | undefined,
});

/** An x-sunset as `YYYY-MM-DD`, or undefined when it is not a date oasdiff reads. */
export function sunsetDate(sunset: Json | undefined): string | undefined {
  if (typeof sunset !== 'string') return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(sunset);
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(sunset);
  if (day === null && !time) return undefined;
  const parsed = new Date(day === null ? sunset : `${sunset}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return undefined;
  // A date-time is read as its own date, as oasdiff's civil.DateOf does.
  const date = day === null ? sunset.slice(0, 10) : sunset;
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date ? date : undefined;
}

export const daysFrom = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** An operation's x-stability-level; `stable` when it has none, undefined when it is not one of oasdiff's four. */
export function stabilityOf(operation: JsonObject): StabilityLevel | undefined {
  const level = operation['x-stability-level'];
  if (level === undefined) return 'stable';
  return (stabilityLevels as readonly Json[]).includes(level as Json)
    ? (level as StabilityLevel)
    : undefined;
}

export const policyDays = (policy: ReviewPolicy, operation: Operation): number =>
  policy.deprecationDays[stabilityOf(operation.raw) ?? 'stable'];

/** How a removal stands against its deprecation, in oasdiff's terms. */
export type Removal = 'without-deprecation' | 'with-deprecation' | 'before-sunset' | 'sunset-parse';

/** A removed node's standing: deprecated or not, and its sunset to come, past or unreadable. */
export function removalOf(lifecycle: Lifecycle, today: string): Removal {
  if (!lifecycle.deprecated) return 'without-deprecation';
  if (lifecycle.sunset === undefined) return 'with-deprecation';
  const date = sunsetDate(lifecycle.sunset);
  if (date === undefined) return 'sunset-parse';
  return today < date ? 'before-sunset' : 'with-deprecation';
}

export const operationRemoval = (operation: Operation, today: string): Removal =>
  removalOf(lifecycleOf(operation.raw), today);

export const parameterRemoval = (pair: ParameterPair): Removal | undefined =>
  pair.base && pair.baseSchema
    ? removalOf(parameterLifecycle(pair.base, pair.baseSchema.merged), pair.operation.policy.today)
    : undefined;
