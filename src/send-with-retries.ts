// One logical GET: per-attempt timeout, the caller's signal, retries with
// backoff, and the mapping of the outcome to data or a typed error. Each
// attempt goes back through openapi-fetch, so auth middleware signs it afresh.
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

export interface SendOptions {
  method: string;
  /** For error messages: the request path, without query. */
  path: string;
  policy: RetryPolicy;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  redact: Redact;
}

/** Runs `attempt` until it succeeds or the policy gives up; returns the parsed JSON body. */
export async function send(
  attempt: (signal: AbortSignal) => Promise<Attempt>,
  options: SendOptions,
): Promise<unknown> {
  const { policy, signal: callerSignal } = options;
  for (let number = 1; ; number += 1) {
    const deadline = startDeadline(options.timeoutMs, callerSignal);
    let result: Attempt | undefined;
    let failure: unknown;
    try {
      result = await attempt(deadline.signal);
    } catch (cause) {
      failure = cause;
    } finally {
      deadline.clear();
    }
    if (result === undefined) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      // Neither is a passing fault: trying again would do the same.
      if (failure instanceof ApigRedirectError || failure instanceof ApigResponseTooLargeError) {
        throw failure;
      }
      if (!policy.networkErrors || number >= policy.attempts) {
        const timedOut = deadline.timedOut();
        throw new ApigNetworkError({
          method: options.method,
          path: options.path,
          attempts: number,
          timedOut,
          cause: failure,
          redact: options.redact,
        });
      }
      await sleep(backoffDelay(number, policy), callerSignal);
      continue;
    }
    const { response } = result;
    if (response.ok) return parseBody(result, options);
    if (number < policy.attempts && policy.statuses.includes(response.status)) {
      const wait =
        parseRetryAfter(response.headers.get('Retry-After')) ?? backoffDelay(number, policy);
      if (wait <= policy.maxDelayMs) {
        await sleep(wait, callerSignal);
        continue;
      }
    }
    throw new ApigError({
      status: response.status,
      statusText: response.statusText,
      method: options.method,
      path: options.path,
      body: result.error,
      contentType: response.headers.get('Content-Type'),
      requestIdHeader: response.headers.get('X-Request-Id'),
      redact: options.redact,
    });
  }
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

// Bodies are read as text (parseAs: 'text') so that a 2xx whose body is not
// JSON becomes an ApigError naming the request, not a bare SyntaxError.
function parseBody({ data, response }: Attempt, options: SendOptions): unknown {
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
      redact: options.redact,
    });
  }
}
