// Deprecation, of an operation, a request parameter or a response property,
// with its `x-sunset` date when one is given (oasdiff reads the same
// extension). Deprecating changes nothing a client sends or parses today: it
// is a notice, listed as such; so is undoing it, or moving the sunset.
import { type Json, type JsonObject, sameJson } from '../../lib/json.ts';
import {
  type Finding,
  finding,
  type ParameterPair,
  parameterLabel,
  type Rule,
  type SchemaPair,
} from '../change.ts';
import { shown } from './keywords.ts';
import { subject } from './response-schema.ts';

type Way = 'deprecated' | 'reactivated' | 'sunset';

const deprecated = (node: JsonObject | undefined): boolean => node?.deprecated === true;

/** How the deprecation of a node moved, if it did; `sunset` when only x-sunset did. */
function lifecycleMove(base: JsonObject, head: JsonObject): Way | undefined {
  if (deprecated(base) !== deprecated(head)) return deprecated(head) ? 'deprecated' : 'reactivated';
  return sameJson(base['x-sunset'], head['x-sunset']) ? undefined : 'sunset';
}

function lifecycleText(way: Way, base: JsonObject, head: JsonObject): string {
  const sunset = head['x-sunset'] as Json | undefined;
  if (way === 'deprecated')
    return sunset === undefined ? ' deprecated' : ` deprecated, sunset ${shown(sunset)}`;
  if (way === 'reactivated') return ' no longer deprecated';
  return `: sunset date ${shown(base['x-sunset'] as Json | undefined)} → ${shown(sunset)}`;
}

const describe: Record<Way, string> = {
  deprecated:
    'was deprecated (with its x-sunset date, if any): it still works; plan to move off it.',
  reactivated: 'is no longer deprecated.',
  sunset: 'kept its deprecation with another x-sunset date (or none).',
};

// oasdiff's ids for deprecated and reactivated are ours (INFO); it has no sunset-moved one.
const sunsetDiffers =
  "oasdiff's sunset rules (ERR) police a deprecation policy (a sunset may only move later, never go); for a client a sunset is a date to plan by, so we list the move.";

/** The id's stem (`endpoint`, `request-parameter`, `response-property`) and what it names. */
const targets = [
  { stem: 'endpoint', what: 'An operation' },
  { stem: 'request-parameter', what: 'A request parameter' },
  { stem: 'response-property', what: 'A response property' },
] as const;

/** A parameter is deprecated when it or its schema says so. */
const parameterLifecycle = (parameter: JsonObject, schema: JsonObject): JsonObject => ({
  deprecated: deprecated(parameter) || deprecated(schema),
  ...((parameter['x-sunset'] ?? schema['x-sunset']) === undefined
    ? {}
    : { 'x-sunset': (parameter['x-sunset'] ?? schema['x-sunset']) as Json }),
});

function checksFor(stem: string, way: Way): Rule['checks'] {
  const reads = ['deprecated', 'x-sunset'];
  if (stem === 'endpoint') {
    return {
      operation: {
        reads,
        find: ({ base, head }) =>
          lifecycleMove(base.raw, head.raw) === way
            ? [finding(head.key, lifecycleText(way, base.raw, head.raw).replace(/^:? /, ''))]
            : [],
      },
    };
  }
  if (stem === 'request-parameter') {
    return {
      parameter: {
        reads: [...reads, 'schema.deprecated', 'schema.x-sunset'],
        find: (pair: ParameterPair): Finding[] => {
          if (!pair.baseSchema || !pair.headSchema || !pair.base || !pair.head) return [];
          const base = parameterLifecycle(pair.base, pair.baseSchema.merged);
          const head = parameterLifecycle(pair.head, pair.headSchema.merged);
          return lifecycleMove(base, head) === way
            ? [
                finding(
                  pair.operation.head.key,
                  `${parameterLabel(pair)}${lifecycleText(way, base, head)}`,
                ),
              ]
            : [];
        },
      },
    };
  }
  return {
    schema: {
      reads,
      find: (pair: SchemaPair): Finding[] =>
        lifecycleMove(pair.base.merged, pair.head.merged) === way
          ? [
              finding(
                pair.operation,
                `${subject(pair)}${lifecycleText(way, pair.base.merged, pair.head.merged)}`,
              ),
            ]
          : [],
    },
  };
}

export const lifecycleRules: Rule[] = targets.flatMap((target) =>
  (['deprecated', 'reactivated', 'sunset'] as const).map((way): Rule => {
    const id = way === 'sunset' ? `${target.stem}-sunset-changed` : `${target.stem}-${way}`;
    return {
      id,
      level: 'info',
      description: `${target.what} ${describe[way]}`,
      ...(way === 'sunset'
        ? { oasdiff: null, differs: sunsetDiffers }
        : { oasdiff: { id, level: 'INFO' as const } }),
      checks: checksFor(target.stem, way),
    };
  }),
);
