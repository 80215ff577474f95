// What the steps of a typed call read, in one object: the client's settings,
// fixed at creation, and the call's own, fixed when the call starts. The
// retry loop, the sender, the body reader, the attempt event and the errors
// all take a CallContext; nothing is passed around in pieces.
import {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type Middleware,
} from 'openapi-fetch';
import type { SigningClock } from '../shared/clock-skew.js';
import type { Redact } from '../shared/redact.js';
import type { AttemptEvent } from './attempt-event.js';
import type { ClientAuth } from './authenticate.js';
import type { ResponseLimits } from './read-body.js';
import type { RetryPolicy } from './retry-policy.js';

/** What every call of one client shares. */
export interface ClientContext {
  baseUrl: string;
  auth: ClientAuth;
  /** The user's fetch option; the global fetch (looked up per call) otherwise. */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  /** The user's middleware, run on every attempt (empty: none). */
  middleware: readonly Middleware[];
  policy: RetryPolicy;
  timeoutMs: number;
  maxResponseBytes: number;
  redact: Redact;
  onAttempt: ((event: AttemptEvent) => void) | undefined;
  /** AK/SK only: the signing clock, and whether a measured skew corrects it. */
  clock: { signing: SigningClock; correct: boolean } | undefined;
}

/** One call of an operation, its arguments checked. */
export interface CallContext {
  client: ClientContext;
  method: string;
  /** The path template of the table, e.g. `/v1.0/apigw/purchases/groups/{purchase_id}`. */
  template: string;
  params: { path: Record<string, string>; query: Record<string, unknown> };
  /** The URL every attempt sends to, built by openapi-fetch's own serializers. */
  url: string;
  /** The caller's extra headers. */
  headers: Record<string, string> | undefined;
  /** The caller's signal: aborts the call, retries and backoff included. */
  signal: AbortSignal | undefined;
  /** The method, the request path without query (for messages), and the body cap. */
  limits: ResponseLimits;
}

const querySerializer = createQuerySerializer();

export function callContext(
  client: ClientContext,
  call: Pick<CallContext, 'method' | 'template' | 'params' | 'headers' | 'signal'> & {
    path: string;
  },
): CallContext {
  const { method, template, params, headers, signal, path } = call;
  const { baseUrl, maxResponseBytes } = client;
  const url = createFinalURL(template, {
    baseUrl,
    params,
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
  const limits = { maxResponseBytes, method, path, baseUrl };
  return { client, method, template, params, url, headers, signal, limits };
}
