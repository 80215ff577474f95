// createPurchasesClient: one typed method per operation of the generated
// table (generated/operations.js), the same again under `withResponse`, and
// an iterator per paged list, next to `raw`, an openapi-fetch client that
// carries the auth middleware. Nothing here names an operation: adding one
// to the contract adds its methods.
import createClient, { type Client } from 'openapi-fetch';
import {
  type OperationMethods,
  type OperationSpec,
  operations,
  requestIdHeader,
  serverUrl,
} from '../generated/operations.js';
import type { paths } from '../generated/schema.js';
import { checkHeaders, checkPathArgument, checkQuery, defaultOf } from './arguments.js';
import {
  type PreparedCall,
  sendDirect,
  sendThroughOpenapiFetch,
  type Transport,
  urlOf,
} from './attempt.js';
import type { AttemptEvent } from './attempt-event.js';
import { type Credentials, clientAuth } from './auth.js';
import type { SigningClock } from './clock-skew.js';
import { ApigArgumentError, ApigResponseShapeError } from './errors.js';
import { type Page, paginate } from './paginate.js';
import { redactor } from './redact.js';
import { guardResponse } from './response-guard.js';
import { type RetryOptions, resolveRetryPolicy } from './retry.js';
import { type Sent, send } from './send-with-retries.js';

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
  /** The underlying openapi-fetch client (auth included, no retries): `raw.GET(path, init)`. */
  readonly raw: Client<paths>;
}

export function createPurchasesClient(options: PurchasesClientOptions): PurchasesClient {
  if (typeof options !== 'object' || options === null) {
    throw new ApigArgumentError(
      'options',
      'must be an object ({ region or baseUrl, credentials })',
    );
  }
  const baseUrl = resolveBaseUrl(options);
  if (options.credentials === undefined) {
    throw new ApigArgumentError(
      'credentials',
      'are required: { token } (an IAM token) or { accessKey, secretKey }; the mock takes any token',
    );
  }
  const policy = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ApigArgumentError('timeoutMs', 'must be a positive number of milliseconds');
  }
  const maxResponseBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes <= 0) {
    throw new ApigArgumentError('maxResponseBytes', 'must be a positive whole number of bytes');
  }
  const { onAttempt } = options;
  if (onAttempt !== undefined && typeof onAttempt !== 'function') {
    throw new ApigArgumentError('onAttempt', 'must be a function');
  }
  const redact = redactor(options.credentials);
  const signingClock: SigningClock = { offsetMs: 0 };
  const auth = clientAuth(options.credentials, signingClock);
  const clock = auth.sign && { signing: signingClock, correct: options.correctClockSkew === true };
  const userFetch = options.fetch;
  const raw = createClient<paths>({
    baseUrl,
    ...(auth.headers ? { headers: auth.headers } : {}),
    // Never follow a redirect, on any request (`raw` included): see guardResponse.
    redirect: 'manual',
    // Looked up per call, so a fetch patched after creation (tests, polyfills) is used.
    fetch: async (request) => {
      const path = new URL(request.url).pathname;
      const limits = { maxResponseBytes, method: request.method, path, baseUrl };
      return guardResponse(await (userFetch ?? globalThis.fetch)(request), limits);
    },
  });
  if (auth.middleware) raw.use(auth.middleware);
  // Typed calls skip openapi-fetch (see attempt.ts) until a middleware of
  // the user's is added, which must then see every call.
  let viaOpenapiFetch = false;
  const use = raw.use.bind(raw);
  raw.use = (...middleware) => {
    viaOpenapiFetch = true;
    use(...middleware);
  };
  const transport: Transport = { baseUrl, maxResponseBytes, auth, fetch: userFetch, raw };

  /** One call of an operation of the table: arguments checked, then sent with retries. */
  function call(spec: OperationSpec, args: readonly unknown[]): Promise<Sent> {
    const { path, query, options } = splitArguments(spec, args);
    const prepared: PreparedCall = {
      method: spec.method,
      template: spec.path,
      path: path.url,
      params: { path: path.values, query },
      headers: checkHeaders(options.headers),
    };
    const url = urlOf(transport, prepared);
    return send(
      (signal, sent) =>
        viaOpenapiFetch
          ? sendThroughOpenapiFetch(transport, prepared, signal, sent)
          : sendDirect(transport, prepared, url, signal, sent),
      {
        method: spec.method,
        path: path.url,
        policy,
        timeoutMs,
        signal: options.signal,
        redact,
        onAttempt,
        clock,
      },
    );
  }

  /** Every item of a paged list across pages, checked before the first request. */
  function iterate(spec: OperationSpec, paging: Paging, args: readonly unknown[]) {
    const { path, query, options } = splitArguments(spec, args);
    checkHeaders(options.headers);
    const pageSize =
      (query[paging.pageSize] as number | undefined) ?? defaultOf(spec, paging.pageSize);
    const { maxPages = 1000, ...callOptions } = options as IterateOptions;
    if (!Number.isInteger(maxPages) || maxPages < 1) {
      throw new ApigArgumentError('maxPages', 'must be an integer of at least 1');
    }
    const pathArgs = spec.pathParameters.map((parameter) => path.values[parameter.name]);
    return paginate(
      async (pageNo) =>
        (
          await call(spec, [
            ...pathArgs,
            { ...query, [paging.pageSize]: pageSize, [paging.pageNo]: pageNo },
            callOptions,
          ])
        ).data as Page,
      {
        firstPage: (query[paging.pageNo] as number | undefined) ?? defaultOf(spec, paging.pageNo),
        pageSize,
        maxPages,
        items: paging.items,
        badField: (field, problem) =>
          new ApigResponseShapeError({ method: spec.method, path: path.url, field, problem }),
      },
    );
  }

  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  const withResponse: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const spec of Object.values(operations)) {
    methods[spec.operationId] = async (...args) => (await call(spec, args)).data;
    withResponse[spec.operationId] = async (...args) => withInfo(await call(spec, args));
    const paging = spec.list;
    if (paging) methods[paging.iterator] = (...args) => iterate(spec, paging, args);
  }
  return { ...methods, withResponse, raw } as unknown as PurchasesClient;
}

function withInfo({ data, response, attempts, elapsedMs }: Sent): WithResponse<unknown> {
  const { status, statusText, headers } = response;
  const requestId = headers.get(requestIdHeader) ?? undefined;
  return { data, response: { status, statusText, headers, requestId, attempts, elapsedMs } };
}

type Paging = NonNullable<OperationSpec['list']>;

/**
 * A method's arguments as the table lays them out: one string per path
 * parameter, then the query, then the options. Every operation has the query
 * slot, with or without query parameters today, so that a parameter added
 * later (a non-breaking change) moves no argument (docs/client.md).
 */
function splitArguments(spec: OperationSpec, args: readonly unknown[]) {
  const values: Record<string, string> = {};
  let url = spec.path;
  spec.pathParameters.forEach((parameter, index) => {
    const value = checkPathArgument(parameter.argument, args[index]);
    values[parameter.name] = value;
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
  });
  const next = spec.pathParameters.length;
  const query = checkQuery(spec, args[next]);
  const options = (args[next + 1] ?? {}) as CallOptions;
  return { path: { values, url }, query, options };
}

function resolveBaseUrl({ baseUrl, region }: PurchasesClientOptions): string {
  if (baseUrl !== undefined) {
    const text = String(baseUrl);
    // A message never shows what stands before an `@`: it may be a password
    // (with a scheme, `//` alone, or neither).
    const shown = JSON.stringify(
      text.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?[^/?#]*@/i, '$1****@'),
    );
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new ApigArgumentError('baseUrl', `must be an absolute http(s) URL, got ${shown}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ApigArgumentError('baseUrl', `must use http or https, got ${url.protocol}`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new ApigArgumentError(
        'baseUrl',
        `must not hold a user name or password (got ${shown}): pass credentials instead`,
      );
    }
    // Operation paths are appended: after a query or a fragment they would be lost.
    if (text.includes('?') || text.includes('#')) {
      throw new ApigArgumentError(
        'baseUrl',
        `must not have a query or a fragment (got ${shown}): operation paths are appended to it`,
      );
    }
    return baseUrl.replace(/\/+$/, '');
  }
  if (region === undefined) {
    throw new ApigArgumentError('region', 'or baseUrl is required (e.g. region: "cn-north-4")');
  }
  if (typeof region !== 'string' || !/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) {
    throw new ApigArgumentError(
      'region',
      `must look like "cn-north-4", got ${JSON.stringify(region)}`,
    );
  }
  return serverUrl.replace('{region}', region);
}
