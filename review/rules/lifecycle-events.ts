// What happened to a node's deprecation between base and head, with oasdiff's
// semantics (checker/check_api_deprecation.go, check_*_sunset_changed.go):
// the event, and the words a finding gives it. lifecycle.ts maps each event
// to its rule.
import { sameJson } from '../../lib/json.ts';
import type { ReviewPolicy } from '../change.ts';
import type { Operation } from '../operations.ts';
import { shown } from './keywords.ts';
import { daysFrom, type Lifecycle, policyDays, sunsetDate } from './sunset.ts';

/** What happened to a node's deprecation between base and head. */
export type Event =
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

/** The lifecycle event between two sides, with the days the operation's policy asks for. */
export function eventBetween(
  base: Lifecycle,
  head: Lifecycle,
  policy: ReviewPolicy,
  operation: Operation,
) {
  const days = policyDays(policy, operation);
  const event = eventOf(base, head, policy, days);
  return event === undefined ? undefined : { event, text: eventText(event, base, head, days) };
}
