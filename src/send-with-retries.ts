// One logical GET: per-attempt timeout, the caller's signal, retries with
// backoff, the onAttempt hook, the AK/SK clock-skew check, and the mapping
// of the outcome to data or a typed error. Each attempt is built afresh by
// `attempt`, so an AK/SK request is signed afresh.

import { requestIdHeader } from '../generated/operations.js';
import { type AttemptEvent, attemptEvent } from './attempt-event.js';
import { gatewaySkewMs, type SigningClock, SKEW_NOTICE_MS } from './clock-skew.js';
import {
  ApigError,
  ApigNetworkError,
  ApigRedirectError,
  ApigResponseTooLargeError,
} from './errors.js';
import type { Redact } from './redact.js';
import { backoffDelay, parseRetryAfter, type RetryPolicy, sleep } from './retry.js';

export interface Attempt {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Where an attempt leaves the headers it sent, for the onAttempt hook. */
export interface SentHeaders {
  headers?: Headers | Record<string, string>;
}

export interface SendOptions {
  method: string;
  /** For error messages: the request path, without query. */
  path: string;
  policy: RetryPolicy;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  redact: Redact;
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
  /** AK/SK only: the signing clock, and whether a measured skew corrects it. */
  clock?: { signing: SigningClock; correct: boolean } | undefined;
}

/** A successful call: the parsed body, the answer it came in, and what it took. */
export interface Sent {
  data: unknown;
  response: Response;
  attempts: number;
  elapsedMs: number;
}

/** Runs `attempt` until it succeeds or the policy gives up. */
export async function send(
  attempt: (signal: AbortSignal, sent: SentHeaders) => Promise<Attempt>,
  options: SendOptions,
): Promise<Sent> {
  const { policy, signal: callerSignal, onAttempt } = options;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let corrections = 0;
  for (let number = 1; ; number += 1) {
    const deadline = startDeadline(options.timeoutMs, callerSignal);
    const sent: SentHeaders = {};
    const attemptStart = onAttempt ? performance.now() : 0;
    let result: Attempt | undefined;
    let failure: unknown;
    try {
      result = await attempt(deadline.signal, sent);
    } catch (cause) {
      failure = cause;
    } finally {
      deadline.clear();
    }
    const retriesLeft = number - corrections < policy.attempts;
    if (result === undefined) {
      const aborted = callerSignal?.aborted === true;
      // Neither is a passing fault: trying again would do the same.
      const final =
        aborted ||
        !policy.networkErrors ||
        !retriesLeft ||
        failure instanceof ApigRedirectError ||
        failure instanceof ApigResponseTooLargeError;
      onAttempt?.(attemptEvent(options, sent, number, attemptStart, { failure, retry: !final }));
      if (aborted) throw callerSignal?.reason;
      if (failure instanceof ApigRedirectError || failure instanceof ApigResponseTooLargeError) {
        throw failure;
      }
      if (final) {
        throw new ApigNetworkError({
          method: options.method,
          path: options.path,
          attempts: number,
          elapsedMs: elapsed(),
          timedOut: deadline.timedOut(),
          cause: failure,
          redact: options.redact,
        });
      }
      await sleep(backoffDelay(number - corrections, policy), callerSignal);
      continue;
    }
    const { response } = result;
    if (response.ok) {
      onAttempt?.(attemptEvent(options, sent, number, attemptStart, { response, retry: false }));
      const elapsedMs = elapsed();
      const data = parseBody(result, options, number, elapsedMs);
      return { data, response, attempts: number, elapsedMs };
    }
    const skewMs = response.status === 401 ? signingSkew(response, options) : undefined;
    const clock = options.clock;
    if (skewMs !== undefined && clock?.correct && corrections === 0) {
      // Re-sign once, dated by the gateway's clock, at once: not a retry of the policy.
      clock.signing.offsetMs += skewMs;
      corrections += 1;
      onAttempt?.(attemptEvent(options, sent, number, attemptStart, { response, retry: true }));
      continue;
    }
    let wait: number | undefined;
    if (retriesLeft && policy.statuses.includes(response.status)) {
      wait = parseRetryAfter(response.headers.get('Retry-After')) ?? backoffDelay(number, policy);
      if (wait > policy.maxDelayMs) wait = undefined;
    }
    onAttempt?.(
      attemptEvent(options, sent, number, attemptStart, { response, retry: wait !== undefined }),
    );
    if (wait !== undefined) {
      await sleep(wait, callerSignal);
      continue;
    }
    throw new ApigError({
      status: response.status,
      statusText: response.statusText,
      method: options.method,
      path: options.path,
      body: result.error,
      contentType: response.headers.get('Content-Type'),
      requestIdHeader: response.headers.get(requestIdHeader),
      attempts: number,
      elapsedMs: elapsed(),
      ...(skewMs === undefined ? {} : { clockSkewMs: skewMs }),
      redact: options.redact,
    });
  }
}

// How far the signing clock is from the gateway's, on a 401 to an AK/SK
// request, when that is far enough to be the cause; undefined otherwise.
function signingSkew(response: Response, options: SendOptions): number | undefined {
  if (options.clock === undefined) return undefined;
  const skew = gatewaySkewMs(
    response.headers.get('Date'),
    Date.now() + options.clock.signing.offsetMs,
  );
  return skew !== undefined && Math.abs(skew) >= SKEW_NOTICE_MS ? skew : undefined;
}

interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  clear(): void;
}

// One controller and one timer per attempt, linked to the caller's signal by
// hand: measurably cheaper per call than AbortSignal.timeout() + any() on
// Node 20, and nothing is left listening once the attempt is over.
function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`attempt timed out after ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    clear: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

// Bodies are read as text so that a 2xx whose body is not JSON becomes an
// ApigError naming the request, not a bare SyntaxError.
function parseBody(
  { data, response }: Attempt,
  options: SendOptions,
  attempts: number,
  elapsedMs: number,
): unknown {
  try {
    return JSON.parse(String(data ?? ''));
  } catch {
    throw new ApigError({
      status: response.status,
      statusText: `${response.statusText || 'OK'} but the body is not JSON`,
      method: options.method,
      path: options.path,
      body: typeof data === 'string' ? data : undefined,
      contentType: response.headers.get('Content-Type'),
      attempts,
      elapsedMs,
      redact: options.redact,
    });
  }
}
