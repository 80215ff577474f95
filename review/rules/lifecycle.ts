// Deprecation and sunset, of an operation, a request parameter or a response
// property, with oasdiff's semantics and ids (checker/check_api_deprecation.go,
// check_*_sunset_changed.go, check_api_removed.go): `x-sunset` is a date
// (`YYYY-MM-DD`, or an RFC 3339 date-time), compared with today; the review's
// policy (--deprecation-days-beta/-stable) says how many days a deprecation
// must give before its sunset, by the operation's `x-stability-level`.
//
// Deprecating is a notice, not a break, unless it breaks the policy (no
// sunset where one is required, a sunset too soon); a sunset that goes away
// or moves sooner than the policy allows breaks the promise made to clients.
import { type Finding, finding, parameterLabel, type Rule } from '../change.ts';
import type { RuleId } from '../rule-ids.ts';
import { type Event, eventBetween } from './lifecycle-events.ts';
import { subject } from './response-node.ts';
import { lifecycleOf, parameterLifecycle, parameterRemoval } from './sunset.ts';

type Stem = 'endpoint' | 'request-parameter' | 'response-property';

/**
 * A lifecycle rule: its id and level are oasdiff's own, unless `differs`
 * says why it has no counterpart there.
 */
interface EventRule {
  id: RuleId;
  level: 'error' | 'info';
  description: string;
  differs?: string;
}

const oasdiffLevel = { error: 'ERR', info: 'INFO' } as const;

const notice = 'it still works; plan to move off it.';
const policyNote =
  'With the default policy (0 days, as oasdiff) this only fires for a sunset already past.';

/** Per target and event: the rule, with oasdiff's id where it has one. */
const eventRules: Record<Stem, Partial<Record<Event, EventRule>>> = {
  endpoint: {
    deprecated: {
      id: 'endpoint-deprecated',
      level: 'info',
      description: `An operation was deprecated without a sunset date: ${notice}`,
    },
    'deprecated-with-sunset': {
      id: 'endpoint-deprecated-with-sunset',
      level: 'info',
      description: `An operation was deprecated with its x-sunset date: ${notice}`,
    },
    'sunset-missing': {
      id: 'api-deprecated-sunset-missing',
      level: 'error',
      description:
        'An operation was deprecated without x-sunset where the policy (--deprecation-days-*) asks for notice.',
    },
    'sunset-parse': {
      id: 'api-deprecated-sunset-parse',
      level: 'error',
      description: "An operation's x-sunset is not a date: clients cannot plan by it.",
    },
    'sunset-too-small': {
      id: 'api-sunset-date-too-small',
      level: 'error',
      description: `An operation was deprecated with a sunset sooner than the policy's notice. ${policyNote}`,
    },
    reactivated: {
      id: 'endpoint-reactivated',
      level: 'info',
      description: 'An operation is no longer deprecated.',
    },
    'sunset-deleted': {
      id: 'sunset-deleted',
      level: 'error',
      description: 'A deprecated operation lost its x-sunset: the date clients planned by is gone.',
    },
    'sunset-changed-too-small': {
      id: 'api-sunset-date-changed-too-small',
      level: 'error',
      description: `A deprecated operation's sunset moved sooner than the policy's notice allows. ${policyNote}`,
    },
  },
  'request-parameter': {
    deprecated: {
      id: 'request-parameter-deprecated',
      level: 'info',
      description: `A request parameter was deprecated (with its x-sunset date, if any): ${notice}`,
    },
    'sunset-missing': {
      id: 'request-parameter-deprecated-sunset-missing',
      level: 'error',
      description:
        'A request parameter was deprecated without x-sunset where the policy asks for notice.',
    },
    'sunset-parse': {
      id: 'request-parameter-sunset-parse',
      level: 'error',
      description: "A request parameter's x-sunset is not a date.",
    },
    'sunset-too-small': {
      id: 'request-parameter-sunset-date-too-small',
      level: 'error',
      description: `A request parameter was deprecated with a sunset sooner than the policy's notice. ${policyNote}`,
    },
    reactivated: {
      id: 'request-parameter-reactivated',
      level: 'info',
      description: 'A request parameter is no longer deprecated.',
    },
    'sunset-deleted': {
      id: 'request-parameter-sunset-deleted',
      level: 'error',
      description: 'A deprecated request parameter lost its x-sunset.',
    },
    'sunset-changed-too-small': {
      id: 'request-parameter-sunset-date-changed-too-small',
      level: 'error',
      description: `A deprecated request parameter's sunset moved sooner than the policy's notice allows. ${policyNote}`,
    },
  },
  'response-property': {
    deprecated: {
      id: 'response-property-deprecated',
      level: 'info',
      description: `A response property was deprecated without a sunset date: ${notice}`,
    },
    'deprecated-with-sunset': {
      id: 'response-property-deprecated-with-sunset',
      level: 'info',
      description: `A response property was deprecated with its x-sunset date: ${notice}`,
    },
    'sunset-missing': {
      id: 'response-property-deprecated-sunset-missing',
      level: 'error',
      description:
        'A response property was deprecated without x-sunset where the policy asks for notice.',
    },
    'sunset-parse': {
      id: 'response-property-deprecated-sunset-invalid',
      level: 'error',
      description: "A response property's x-sunset is not a date.",
    },
    'sunset-too-small': {
      id: 'response-property-sunset-date-too-small',
      level: 'error',
      description: `A response property was deprecated with a sunset sooner than the policy's notice. ${policyNote}`,
    },
    reactivated: {
      id: 'response-property-reactivated',
      level: 'info',
      description: 'A response property is no longer deprecated.',
    },
  },
};

const laterSunset =
  'oasdiff reports a sunset that moves later (or sooner within the policy) as nothing; we list the move.';

/** Where the events a target has no rule of its own for fall. */
const sunsetChangedRules: Record<Stem, EventRule> = {
  endpoint: {
    id: 'endpoint-sunset-changed',
    level: 'info',
    description:
      'A deprecated operation kept its deprecation with a later x-sunset (or one sooner within the policy).',
    differs: laterSunset,
  },
  'request-parameter': {
    id: 'request-parameter-sunset-changed',
    level: 'info',
    description:
      'A deprecated request parameter kept its deprecation with a later x-sunset (or one sooner within the policy).',
    differs: laterSunset,
  },
  'response-property': {
    id: 'response-property-sunset-changed',
    level: 'info',
    description:
      'A deprecated response property kept its deprecation with another x-sunset date, or none.',
    differs:
      'oasdiff has no sunset-change rule for response properties; a move, a removal or a sooner date is listed, since a response property removed later breaks nothing a client sends.',
  },
};

const ruleFor = (stem: Stem, event: Event): RuleId =>
  eventRules[stem][event]?.id ??
  (event === 'deprecated-with-sunset'
    ? (eventRules[stem].deprecated as EventRule).id
    : sunsetChangedRules[stem].id);

function checkFor(stem: Stem, id: RuleId): Rule['checks'] {
  const reads = ['deprecated', 'x-sunset'];
  const ours = (found: { event: Event } | undefined): found is { event: Event; text: string } =>
    found !== undefined && ruleFor(stem, found.event) === id;
  if (stem === 'endpoint') {
    return {
      operation: {
        reads,
        find: ({ base, head, policy }): Finding[] => {
          const found = eventBetween(lifecycleOf(base.raw), lifecycleOf(head.raw), policy, head);
          return ours(found) ? [finding(head.key, `operation${found.text}`)] : [];
        },
      },
    };
  }
  if (stem === 'request-parameter') {
    return {
      parameter: {
        reads: [...reads, 'schema.deprecated', 'schema.x-sunset'],
        find: (pair): Finding[] => {
          // A deprecated parameter removed whose x-sunset is no date: oasdiff says sunset-parse.
          if (pair.head === undefined && id === 'request-parameter-sunset-parse') {
            return parameterRemoval(pair) === 'sunset-parse'
              ? [
                  finding(
                    pair.operation.head.key,
                    `${parameterLabel(pair)} removed; its x-sunset is not a date`,
                  ),
                ]
              : [];
          }
          if (!pair.base || !pair.head || !pair.baseSchema || !pair.headSchema) return [];
          const found = eventBetween(
            parameterLifecycle(pair.base, pair.baseSchema.merged),
            parameterLifecycle(pair.head, pair.headSchema.merged),
            pair.operation.policy,
            pair.operation.head,
          );
          return ours(found)
            ? [finding(pair.operation.head.key, `${parameterLabel(pair)}${found.text}`)]
            : [];
        },
      },
    };
  }
  return {
    schema: {
      reads,
      find: (pair): Finding[] => {
        const found = eventBetween(
          lifecycleOf(pair.base.merged),
          lifecycleOf(pair.head.merged),
          pair.policy,
          pair.endpoint,
        );
        return ours(found) ? [finding(pair.operation, `${subject(pair)}${found.text}`)] : [];
      },
    },
  };
}

export const lifecycleRules: Rule[] = (
  ['endpoint', 'request-parameter', 'response-property'] as const
).flatMap((stem) =>
  [...Object.values(eventRules[stem]), sunsetChangedRules[stem]].map(
    ({ differs, ...rule }): Rule => ({
      ...rule,
      oasdiff: differs === undefined ? { id: rule.id, level: oasdiffLevel[rule.level] } : null,
      ...(differs === undefined ? {} : { differs }),
      checks: checkFor(stem, rule.id),
    }),
  ),
);
