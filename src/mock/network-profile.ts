// The network a mock plays: latency, faults and token lifetime, for the
// whole API or per operation. The same profile drives the HTTP mock
// (`--latency`, `--faults`, `--token-ttl`, `--profile <file>`) and the MSW
// handlers (`createPurchasesHandlers({ profile })`). Checked once, up front:
// every problem at once, each as `<source>: <JSON pointer>: <what is wrong>`.
import { type OperationId, operations } from '../../generated/operations.js';
import { escapePointerToken } from '../shared/json-pointer.js';

/** Milliseconds, drawn uniformly from min to max (both included). */
export interface Latency {
  min: number;
  max: number;
}

/** A documented error status (its first example is the body), or a network failure. */
export type FaultKind = 'reset' | 'timeout' | `${number}`;

export interface Fault {
  kind: FaultKind;
  /** The chance of it per request, 0 to 1. */
  rate: number;
}

/** What a request meets: its latency and its faults, in their order. */
export interface Conditions {
  latency?: Latency;
  faults?: readonly Fault[];
}

export interface NetworkProfile extends Conditions {
  /** A token is accepted this long after its first use, then gets 401 APIG.1001. */
  tokenTtlMinutes?: number;
  /** Whole replacements of the latency or the faults, per operation. */
  operations?: Partial<Record<OperationId, Conditions>>;
}

/** A latency and faults as a file or the MSW option gives them. */
export interface ConditionsInput {
  /** Milliseconds: `120`, `'100-300'` or `{ min: 100, max: 300 }`. */
  latency?: number | string | Latency;
  /** `'429=0.05,reset=0.01'` or `{ 429: 0.05, reset: 0.01 }`. */
  faults?: string | Record<string, number>;
}

/** A profile as a file (`--profile`) or `createPurchasesHandlers({ profile })` gives it: checkProfile reads it. */
export interface ProfileInput extends ConditionsInput {
  /** Minutes a token is accepted after its first use. */
  tokenTtl?: number;
  operations?: Partial<Record<OperationId, ConditionsInput>>;
}

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

/** The longest latency or `Prefer: delay=` the mock takes: ten minutes. */
export const maxDelayMs = 600_000;

const networkFaults = ['reset', 'timeout'] as const;
const operationIds = Object.keys(operations) as OperationId[];

/** The error statuses (4xx, 5xx) an operation documents: the statuses a fault may answer. */
export const faultStatuses = (operation: OperationId): string[] =>
  Object.keys(operations[operation].statuses).filter((status) => Number(status) >= 400);

/** `120` or `100-300` (milliseconds), as a flag, in a file, or `{ min, max }`. */
export function parseLatency(value: unknown): Latency | string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { min, max, ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return `has no field "${Object.keys(rest)[0]}" (min, max)`;
    return latencyOf(min, max);
  }
  if (typeof value === 'number') return latencyOf(value, value);
  if (typeof value !== 'string') return 'must be milliseconds, as 120 or "100-300"';
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
  if (match === null) return `must be milliseconds, as 120 or 100-300, got "${value}"`;
  return latencyOf(Number(match[1]), Number(match[2] ?? match[1]));
}

function latencyOf(min: unknown, max: unknown): Latency | string {
  const whole = (n: unknown): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= maxDelayMs;
  if (!whole(min) || !whole(max)) return `must be whole milliseconds from 0 to ${maxDelayMs}`;
  if (min > max) return `its minimum ${min} is above its maximum ${max}`;
  return { min, max };
}

/**
 * `429=0.05,500=0.01,reset=0.005` (a flag) or `{ "429": 0.05, reset: 0.005 }`
 * (a file): each kind with its rate. Problems come back as [key, problem].
 */
export function parseFaults(value: unknown): { faults: Fault[]; problems: [string, string][] } {
  let entries: [string, unknown][];
  if (typeof value === 'string') {
    entries = value
      .split(',')
      .filter((part) => part.trim() !== '')
      .map((part) => {
        const [kind = '', rate, ...extra] = part.split('=').map((text) => text.trim());
        const number = rate === undefined || extra.length > 0 || rate === '' ? NaN : Number(rate);
        return [kind, Number.isNaN(number) ? `"${part.trim()}"` : number];
      });
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    entries = Object.entries(value);
  } else {
    return { faults: [], problems: [['', 'must be kinds with rates, as 429=0.05,reset=0.01']] };
  }
  const faults: Fault[] = [];
  const problems: [string, string][] = [];
  for (const [kind, rate] of entries) {
    if (!/^(?:[1-5]\d\d|reset|timeout)$/.test(kind)) {
      problems.push([kind, `is not a fault: a status such as 429 or 500, reset or timeout`]);
    } else if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      problems.push([kind, `needs a rate from 0 to 1, as ${kind}=0.05, got ${String(rate)}`]);
    } else {
      faults.push({ kind: kind as FaultKind, rate });
    }
  }
  const total = faults.reduce((sum, fault) => sum + fault.rate, 0);
  if (total > 1 + 1e-9) problems.push(['', `the rates add up to ${total}, more than 1`]);
  return { faults, problems };
}

/** Where a fault status is documented: every status must be, by the operations it applies to. */
function undocumented(kind: FaultKind, applies: readonly OperationId[]): string | undefined {
  if ((networkFaults as readonly string[]).includes(kind)) return undefined;
  const documenting = applies.filter((operation) => faultStatuses(operation).includes(kind));
  if (documenting.length > 0) return undefined;
  const documented = [...new Set(applies.flatMap(faultStatuses))].sort().join(', ');
  return applies.length === 1
    ? `${kind} is not documented for ${applies[0]} (its error statuses: ${documented}); a fault is a documented answer, reset or timeout`
    : `${kind} is documented by no operation of the contract (error statuses: ${documented}); a fault is a documented answer, reset or timeout`;
}

const tokenTtlProblem = (value: unknown): string | undefined =>
  typeof value === 'number' && value > 0 && value <= 60 * 24 * 366
    ? undefined
    : `must be minutes above 0 (a year at most), as 30 or 0.5, got ${JSON.stringify(value)}`;

/**
 * A profile from a file's value (JSON or YAML), flags laid over it:
 *
 *     { latency: "100-300", faults: { "429": 0.05, reset: 0.005 }, tokenTtl: 30,
 *       operations: { listPurchasedApis: { latency: 800, faults: { "500": 0.2 } } } }
 *
 * Throws ProfileError listing every problem.
 */
export function checkProfile(value: unknown, source: string): NetworkProfile {
  const problems: string[] = [];
  const say = (pointer: string, problem: string) =>
    problems.push(`${source}: ${pointer || '/'}: ${problem}`);
  const profile: NetworkProfile = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    say('', 'must be an object with latency, faults, tokenTtl or operations');
    throw new ProfileError(problems.join('\n'));
  }
  const conditions = (
    record: Record<string, unknown>,
    at: string,
    applies: readonly OperationId[],
  ): Conditions => {
    const result: Conditions = {};
    if (record.latency !== undefined) {
      const latency = parseLatency(record.latency);
      if (typeof latency === 'string') say(`${at}/latency`, latency);
      else result.latency = latency;
    }
    if (record.faults !== undefined) {
      const { faults, problems: wrong } = parseFaults(record.faults);
      for (const [key, problem] of wrong) {
        say(`${at}/faults${key === '' ? '' : `/${escapePointerToken(key)}`}`, problem);
      }
      for (const fault of faults) {
        const problem = undocumented(fault.kind, applies);
        if (problem !== undefined) say(`${at}/faults/${fault.kind}`, problem);
      }
      result.faults = faults;
    }
    return result;
  };
  const {
    latency,
    faults,
    tokenTtl,
    operations: perOperation,
    ...unknown
  } = value as Record<string, unknown>;
  for (const key of Object.keys(unknown)) {
    say(
      `/${escapePointerToken(key)}`,
      'is not a profile field (latency, faults, tokenTtl, operations)',
    );
  }
  Object.assign(profile, conditions({ latency, faults }, '', operationIds));
  if (tokenTtl !== undefined) {
    const problem = tokenTtlProblem(tokenTtl);
    if (problem === undefined) profile.tokenTtlMinutes = tokenTtl as number;
    else say('/tokenTtl', problem);
  }
  if (perOperation !== undefined) {
    if (typeof perOperation !== 'object' || perOperation === null || Array.isArray(perOperation)) {
      say('/operations', 'must be an object of operation ids');
    } else {
      profile.operations = {};
      for (const [operation, entry] of Object.entries(perOperation)) {
        const at = `/operations/${escapePointerToken(operation)}`;
        if (!operationIds.includes(operation as OperationId)) {
          say(at, `is not an operation of the contract (${operationIds.join(', ')})`);
          continue;
        }
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
          say(at, 'must be an object with latency or faults');
          continue;
        }
        const { latency: own, faults: ownFaults, ...extra } = entry as Record<string, unknown>;
        for (const key of Object.keys(extra)) {
          say(`${at}/${escapePointerToken(key)}`, 'is not an operation field (latency, faults)');
        }
        profile.operations[operation as OperationId] = conditions(
          { latency: own, faults: ownFaults },
          at,
          [operation as OperationId],
        );
      }
    }
  }
  if (problems.length > 0) throw new ProfileError(problems.join('\n'));
  return profile;
}

/** What one operation meets: its own latency and faults, else the profile's. */
export function conditionsOf(
  profile: NetworkProfile,
  operation: OperationId,
): Required<Conditions> {
  const own = profile.operations?.[operation] ?? {};
  const faults = (own.faults ?? profile.faults ?? []).filter(
    (fault) => undocumented(fault.kind, [operation]) === undefined,
  );
  return { latency: own.latency ?? profile.latency ?? { min: 0, max: 0 }, faults };
}

/** The profile in words, for the start-up line and the page at `GET /`. */
export function describeProfile(profile: NetworkProfile): string[] {
  const latency = (l: Latency | undefined) =>
    l === undefined ? undefined : l.min === l.max ? `${l.min} ms` : `${l.min}-${l.max} ms`;
  const faults = (list: readonly Fault[] | undefined) =>
    list === undefined || list.length === 0
      ? undefined
      : list.map((fault) => `${fault.kind}=${fault.rate}`).join(',');
  const lines: string[] = [];
  const say = (who: string, conditions: Conditions) => {
    const parts = [
      latency(conditions.latency) && `latency ${latency(conditions.latency)}`,
      faults(conditions.faults) && `faults ${faults(conditions.faults)}`,
    ].filter(Boolean);
    if (parts.length > 0) lines.push(`${who}: ${parts.join(', ')}`);
  };
  say('every operation', profile);
  for (const [operation, conditions] of Object.entries(profile.operations ?? {})) {
    say(operation, conditions);
  }
  if (profile.tokenTtlMinutes !== undefined) {
    lines.push(`a token expires ${profile.tokenTtlMinutes} min after its first use`);
  }
  return lines;
}
