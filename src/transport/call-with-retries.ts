// One logical GET: per-attempt timeout, the caller's signal, retries with
// backoff, the onAttempt hook, the AK/SK clock-skew check, and the mapping
// of the outcome to data or a typed error. Each attempt is sent afresh by
// sendAttempt, so an AK/SK request is signed afresh.

import { requestIdHeader } from '../../generated/operations.js';
import { gatewaySkewMs, SKEW_NOTICE_MS } from '../shared/clock-skew.js';
import {
  ApigError,
  ApigNetworkError,
  ApigRedirectError,
  ApigResponseTooLargeError,
} from '../shared/errors.js';
import { attemptEvent } from './attempt-event.js';
import type { CallContext } from './call-context.js';
import { backoffDelay, parseRetryAfter, sleep } from './retry-policy.js';
import { type AttemptOutcome, sendAttempt } from './send-attempt.js';

/** A successful call: the parsed body, the answer it came in, and what it took. */
export interface Sent {
  data: unknown;
  response: Response;
  attempts: number;
  elapsedMs: number;
}

/** Sends `call` until an attempt succeeds or the policy gives up. */
export async function callWithRetries(call: CallContext): Promise<Sent> {
  const { client, signal: callerSignal, limits } = call;
  const { policy, onAttempt, redact } = client;
  const { method, path } = limits;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let corrections = 0;
  for (let number = 1; ; number += 1) {
    const deadline = startDeadline(client.timeoutMs, callerSignal);
    const attemptStart = onAttempt ? performance.now() : 0;
    let outcome: AttemptOutcome;
    try {
      outcome = await sendAttempt(call, deadline.signal);
    } finally {
      deadline.clear();
    }
    const retriesLeft = number - corrections < policy.attempts;
    const report = (retry: boolean) =>
      onAttempt?.(attemptEvent({ method, path, redact }, outcome, number, attemptStart, retry));
    if ('failure' in outcome) {
      const { failure } = outcome;
      const aborted = callerSignal?.aborted === true;
      // Neither is a passing fault: trying again would do the same.
      const lasting =
        failure instanceof ApigRedirectError || failure instanceof ApigResponseTooLargeError;
      const final = aborted || lasting || !policy.networkErrors || !retriesLeft;
      report(!final);
      if (aborted) throw callerSignal?.reason;
      if (lasting) throw failure;
      if (final) {
        const timedOut = deadline.timedOut();
        throw new ApigNetworkError({
          method,
          path,
          attempts: number,
          elapsedMs: elapsed(),
          timedOut,
          cause: failure,
          redact,
        });
      }
      await sleep(backoffDelay(number - corrections, policy), callerSignal);
      continue;
    }
    const { response, body } = outcome;
    if (response.ok) {
      report(false);
      const elapsedMs = elapsed();
      return {
        data: parseBody(call, outcome, number, elapsedMs),
        response,
        attempts: number,
        elapsedMs,
      };
    }
    const skewMs = response.status === 401 ? signingSkew(response, call) : undefined;
    const { clock } = client;
    if (skewMs !== undefined && clock?.correct && corrections === 0) {
      // Re-sign once, dated by the gateway's clock, at once: not a retry of the policy.
      clock.signing.offsetMs += skewMs;
      corrections += 1;
      report(true);
      continue;
    }
    let wait: number | undefined;
    if (retriesLeft && policy.statuses.includes(response.status)) {
      wait = parseRetryAfter(response.headers.get('Retry-After')) ?? backoffDelay(number, policy);
      if (wait > policy.maxDelayMs) wait = undefined;
    }
    report(wait !== undefined);
    if (wait !== undefined) {
      await sleep(wait, callerSignal);
      continue;
    }
    throw new ApigError({
      status: response.status,
      statusText: response.statusText,
      method,
      path,
      body: errorBody(body),
      contentType: response.headers.get('Content-Type'),
      requestIdHeader: response.headers.get(requestIdHeader),
      attempts: number,
      elapsedMs: elapsed(),
      ...(skewMs === undefined ? {} : { clockSkewMs: skewMs }),
      redact,
    });
  }
}

// As openapi-fetch reads an error body: JSON when it parses, else the text.
function errorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// How far the signing clock is from the gateway's, on a 401 to an AK/SK
// request, when that is far enough to be the cause; undefined otherwise.
function signingSkew(response: Response, { client }: CallContext): number | undefined {
  if (client.clock === undefined) return undefined;
  const skew = gatewaySkewMs(
    response.headers.get('Date'),
    Date.now() + client.clock.signing.offsetMs,
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
  { limits, client }: CallContext,
  { response, body }: { response: Response; body: string },
  attempts: number,
  elapsedMs: number,
): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new ApigError({
      status: response.status,
      statusText: `${response.statusText || 'OK'} but the body is not JSON`,
      method: limits.method,
      path: limits.path,
      body,
      contentType: response.headers.get('Content-Type'),
      attempts,
      elapsedMs,
      redact: client.redact,
    });
  }
}
