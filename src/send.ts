// One logical GET: per-attempt timeout, the caller's signal, retries with
// backoff, and the mapping of the outcome to data or a typed error. Each
// attempt goes back through openapi-fetch, so auth middleware signs it afresh.
import { ApigError, ApigNetworkError } from './errors.js';
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
}

/** Runs `attempt` until it succeeds or the policy gives up; returns the parsed JSON body. */
export async function send(
  attempt: (signal: AbortSignal) => Promise<Attempt>,
  options: SendOptions,
): Promise<unknown> {
  const { policy, signal: callerSignal } = options;
  for (let number = 1; ; number += 1) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    let result: Attempt;
    try {
      result = await attempt(signal);
    } catch (cause) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (!policy.networkErrors || number >= policy.attempts) {
        throw new ApigNetworkError({
          ...options,
          attempts: number,
          timedOut: timeout.aborted,
          cause,
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
    });
  }
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
    });
  }
}
