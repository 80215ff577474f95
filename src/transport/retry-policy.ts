// When and how long to wait before trying a GET again. Pure functions: the
// loop that uses them is in call-with-retries.ts.
import { ApigArgumentError } from '../shared/errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 disables retries). */
  attempts?: number;
  /** First backoff step in ms (default 200); doubles on each retry. */
  baseDelayMs?: number;
  /** Longest wait between attempts in ms (default 5000). A longer `Retry-After` ends the retries. */
  maxDelayMs?: number;
  /** Statuses that are retried (default 429, 502, 503, 504). */
  statuses?: readonly number[];
  /** Retry when no response arrives (connection error, timeout; default true). */
  networkErrors?: boolean;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  statuses: [429, 502, 503, 504],
  networkErrors: true,
};

export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...DEFAULT_RETRY, attempts: 1 };
  const policy = { ...DEFAULT_RETRY, ...options };
  requireWhole('retry.attempts', policy.attempts, 1);
  requireWhole('retry.baseDelayMs', policy.baseDelayMs, 0);
  requireWhole('retry.maxDelayMs', policy.maxDelayMs, 0);
  return policy;
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(retry-1))]. */
export function backoffDelay(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(random() * ceiling);
}

// An HTTP-date (RFC 9110, 5.6.7) starts with a day name: `Sun, 06 Nov 1994
// 08:49:37 GMT`, `Sunday, 06-Nov-94 …` or `Sun Nov  6 …`. Anything else that
// Date.parse happens to read (`-5` is a date in 2001) is not one.
const httpDate = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * `Retry-After` as ms from now: delta-seconds or a future HTTP date.
 * Undefined (so the normal backoff applies) when absent, unreadable,
 * negative or in the past.
 */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  const trimmed = header?.trim() ?? '';
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!httpDate.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) || date <= now ? undefined : date - now;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function requireWhole(name: string, value: unknown, minimum: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new ApigArgumentError(name, `must be an integer of at least ${minimum}`);
  }
}
