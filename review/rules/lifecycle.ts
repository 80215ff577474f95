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
import { sameJson } from '../../lib/json.ts';
import { type Finding, finding, parameterLabel, type ReviewPolicy, type Rule } from '../change.ts';
import type { Operation } from '../operations.ts';
import { shown } from './keywords.ts';
import { subject } from './response-node.ts';
import {
  daysFrom,
  type Lifecycle,
  lifecycleOf,
  parameterLifecycle,
  parameterRemoval,
  policyDays,
  sunsetDate,
} from './sunset.ts';

/** What happened to a node's deprecation between base and head. */
type Event =
  | 'deprecated'
  | 'deprecated-with-sunset'
  | 'sunset-missing'
  | 'sunset-parse'
  | 'sunset-too-small'
  | 'reactivated'
  | 'sunset-deleted'
  | 'sunset-changed-too-small'
  | 'sunset-changed';

function eventOf(
  base: Lifecycle,
  head: Lifecycle,
  policy: ReviewPolicy,
  days: number,
): Event | undefined {
  if (base.deprecated && !head.deprecated) return 'reactivated';
  if (!head.deprecated) return undefined;
  if (!base.deprecated) {
    if (head.sunset === undefined) return days > 0 ? 'sunset-missing' : 'deprecated';
    const date = sunsetDate(head.sunset);
    if (date === undefined) return 'sunset-parse';
    return daysFrom(policy.today, date) < days ? 'sunset-too-small' : 'deprecated-with-sunset';
  }
  if (sameJson(base.sunset, head.sunset)) return undefined;
  if (head.sunset === undefined) return 'sunset-deleted';
  const date = sunsetDate(head.sunset);
  if (date === undefined) return 'sunset-parse';
  const before = sunsetDate(base.sunset);
  if (before !== undefined && date < before && daysFrom(policy.today, date) < days) {
    return 'sunset-changed-too-small';
  }
  return 'sunset-changed';
}

function eventText(event: Event, base: Lifecycle, head: Lifecycle, days: number): string {
  switch (event) {
    case 'deprecated':
      return ' deprecated';
    case 'deprecated-with-sunset':
      return ` deprecated, sunset ${shown(head.sunset)}`;
    case 'sunset-missing':
      return ` deprecated without an x-sunset, where the policy asks for ${days} days' notice`;
    case 'sunset-parse':
      return `: x-sunset ${shown(head.sunset)} is not a date (YYYY-MM-DD or RFC 3339)`;
    case 'sunset-too-small':
      return ` deprecated with sunset ${shown(head.sunset)}, less than the ${days} days' notice the policy asks for`;
    case 'reactivated':
      return ' no longer deprecated';
    case 'sunset-deleted':
      return `: sunset date ${shown(base.sunset)} removed while still deprecated`;
    case 'sunset-changed-too-small':
      return `: sunset date ${shown(base.sunset)} → ${shown(head.sunset)}, sooner than the ${days} days' notice the policy asks for`;
    case 'sunset-changed':
      return `: sunset date ${shown(base.sunset)} → ${shown(head.sunset)}`;
  }
}

type Stem = 'endpoint' | 'request-parameter' | 'response-property';

/** A lifecycle rule of oasdiff's: its id and level are oasdiff's own, written once. */
interface EventRule {
  id: string;
  level: 'error' | 'info';
  description: string;
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

// The events a target has no rule of its own for fall to its `*-sunset-changed`.
const sunsetChangedDiffers: Record<Stem, string> = {
  endpoint:
    'oasdiff reports a sunset that moves later (or sooner within the policy) as nothing; we list the move.',
  'request-parameter':
    'oasdiff reports a sunset that moves later (or sooner within the policy) as nothing; we list the move.',
  'response-property':
    'oasdiff has no sunset-change rule for response properties; a move, a removal or a sooner date is listed, since a response property removed later breaks nothing a client sends.',
};

const ruleFor = (stem: Stem, event: Event): string =>
  eventRules[stem][event]?.id ??
  (event === 'deprecated-with-sunset'
    ? (eventRules[stem].deprecated?.id as string)
    : `${stem}-sunset-changed`);

/** The lifecycle event between two sides, with the days the operation's policy asks for. */
function eventBetween(
  base: Lifecycle,
  head: Lifecycle,
  policy: ReviewPolicy,
  operation: Operation,
) {
  const days = policyDays(policy, operation);
  const event = eventOf(base, head, policy, days);
  return event === undefined ? undefined : { event, text: eventText(event, base, head, days) };
}

function checkFor(stem: Stem, id: string): Rule['checks'] {
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
).flatMap((stem) => {
  const own = Object.values(eventRules[stem]).map(
    (rule): Rule => ({
      ...rule,
      oasdiff: { id: rule.id, level: oasdiffLevel[rule.level] },
      checks: checkFor(stem, rule.id),
    }),
  );
  const changed: Rule = {
    id: `${stem}-sunset-changed`,
    level: 'info',
    description:
      stem === 'response-property'
        ? 'A deprecated response property kept its deprecation with another x-sunset date, or none.'
        : `A deprecated ${stem === 'endpoint' ? 'operation' : 'request parameter'} kept its deprecation with a later x-sunset (or one sooner within the policy).`,
    oasdiff: null,
    differs: sunsetChangedDiffers[stem],
    checks: checkFor(stem, `${stem}-sunset-changed`),
  };
  return [...own, changed];
});
