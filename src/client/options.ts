// The client's public shapes: its options, a call's options, what a call
// resolves to, and the client itself (one method per operation of the
// generated table, so nothing here names an operation).
import type { Client } from 'openapi-fetch';
import type { OperationMethods } from '../../generated/operations.js';
import type { paths } from '../../generated/schema.js';
import type { Credentials } from '../auth/credential-types.js';
import type { AttemptEvent } from '../transport/attempt-event.js';
import type { Middleware } from '../transport/middleware.js';
import type { RetryOptions } from '../transport/retry-policy.js';

export interface PurchasesClientOptions {
  /** Huawei Cloud region, e.g. `cn-north-4`: calls `https://apig.{region}.myhuaweicloud.com`. */
  region?: string;
  /** Any other base URL, e.g. the mock (`http://127.0.0.1:4010`). Wins over `region`. */
  baseUrl?: string;
  /**
   * `{ token }` (IAM token) or `{ accessKey, secretKey, securityToken? }` (AK/SK signing).
   * Required: the gateway answers 401 without. The mock takes any token.
   */
  credentials: Credentials;
  /** fetch to use (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** Timeout of each attempt in ms (default 30000). */
  timeoutMs?: number;
  /** Retry policy for these GETs, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** Largest response body read, in bytes (default 10 MB, ample for 500 purchases); past it the call fails, unretried. */
  maxResponseBytes?: number;
  /**
   * Called after every attempt (retries included) with its method, path,
   * status, duration and number, for logs and metrics. Credentials in its
   * headers read `[redacted]`. Called synchronously: an exception it throws
   * fails the call.
   */
  onAttempt?: (event: AttemptEvent) => void;
  /**
   * AK/SK: when the gateway answers 401 and its `Date` header is 5 minutes
   * or more from the local clock, sign again once, dated by the gateway's
   * clock, and keep that offset for later calls (default false: the error
   * names the offset instead).
   */
  correctClockSkew?: boolean;
  /**
   * openapi-fetch middleware (`onRequest`, `onResponse`, `onError`), run on
   * every attempt of every typed call and of `raw`, in openapi-fetch's
   * order. An AK/SK signature is made after every `onRequest`, over the
   * request as they left it. `raw.use()` later reaches `raw` alone.
   */
  middleware?: Middleware[];
}

export interface CallOptions {
  /** Aborts the call, retries and backoff included. */
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Prefer: code=404` for the mock. */
  headers?: Record<string, string>;
}

export interface IterateOptions extends CallOptions {
  /** Stop after this many pages whatever the server says (default 1000). */
  maxPages?: number;
}

/** What came with a successful answer, besides its body. */
export interface ResponseInfo {
  status: number;
  statusText: string;
  headers: Headers;
  /** The `X-Request-Id` header, which Huawei support asks for. */
  requestId: string | undefined;
  /** Attempts made, the first included. */
  attempts: number;
  /** From the first attempt to the body read, backoff included, in ms. */
  elapsedMs: number;
}

export interface WithResponse<Data> {
  data: Data;
  response: ResponseInfo;
}

type Methods = OperationMethods<CallOptions, IterateOptions>;

/** Every single-call method of the client, resolving to `{ data, response }`. */
export type WithResponseMethods = {
  [Name in keyof Methods as ReturnType<Methods[Name]> extends Promise<unknown> ? Name : never]: (
    ...args: Parameters<Methods[Name]>
  ) => Promise<WithResponse<Awaited<ReturnType<Methods[Name]>>>>;
};

/**
 * The client: `listPurchasedGroups(query?, options?)`, `getPurchasedGroup(id,
 * query?, options?)`, `iteratePurchasedGroups(query?, options?)` and so on, one per
 * operation of the contract (see generated/operations.d.ts), plus
 * `withResponse` and `raw`.
 */
export interface PurchasesClient extends Methods {
  /** The same calls, resolving to `{ data, response: { status, headers, requestId, attempts, elapsedMs } }`. */
  readonly withResponse: WithResponseMethods;
  /** The underlying openapi-fetch client (auth and `middleware` included, no retries): `raw.GET(path, init)`. */
  readonly raw: Client<paths>;
}
