// createPurchasesClient: one typed method per operation of the generated
// table (generated/operations.js), and an iterator per paged list, on top of
// an openapi-fetch client that carries the auth middleware. Nothing here
// names an operation: adding one to the contract adds its method.
import createClient, { type Client } from 'openapi-fetch';
import { type OperationMethods, type OperationSpec, operations } from '../generated/operations.js';
import type { paths } from '../generated/schema.js';
import { checkHeaders, checkPathArgument, checkQuery, defaultOf } from './arguments.js';
import { type Credentials, clientAuth } from './auth.js';
import { ApigArgumentError } from './errors.js';
import { type Page, paginate } from './paginate.js';
import { redactor } from './redact.js';
import { guardResponse } from './response-guard.js';
import { type RetryOptions, resolveRetryPolicy } from './retry.js';
import { send } from './send-with-retries.js';

export interface PurchasesClientOptions {
  /** Huawei Cloud region, e.g. `cn-north-4`: calls `https://apig.{region}.myhuaweicloud.com`. */
  region?: string;
  /** Any other base URL, e.g. the mock (`http://127.0.0.1:4010`). Wins over `region`. */
  baseUrl?: string;
  /**
   * `{ token }` (IAM token) or `{ accessKey, secretKey, securityToken? }` (AK/SK signing).
   * The mock needs one too (any token: it answers 401 without), as the gateway does.
   */
  credentials?: Credentials;
  /** fetch to use (default: the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** Timeout of each attempt in ms (default 30000). */
  timeoutMs?: number;
  /** Retry policy for these GETs, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** Largest response body read, in bytes (default 10 MB, ample for 500 purchases); past it the call fails, unretried. */
  maxResponseBytes?: number;
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

/**
 * The client: `listPurchasedGroups(query?, options?)`, `getPurchasedGroup(id,
 * options?)`, `iteratePurchasedGroups(query?, options?)` and so on, one per
 * operation of the contract (see generated/operations.d.ts), plus `raw`.
 */
export interface PurchasesClient extends OperationMethods<CallOptions, IterateOptions> {
  /** The underlying openapi-fetch client (auth included, no retries): `raw.GET(path, init)`. */
  readonly raw: Client<paths>;
}

export function createPurchasesClient(options: PurchasesClientOptions = {}): PurchasesClient {
  const baseUrl = resolveBaseUrl(options);
  const policy = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ApigArgumentError('timeoutMs', 'must be a positive number of milliseconds');
  }
  const maxResponseBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes <= 0) {
    throw new ApigArgumentError('maxResponseBytes', 'must be a positive whole number of bytes');
  }
  const redact = redactor(options.credentials);
  const auth = clientAuth(options.credentials);
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

  // What every attempt passes to openapi-fetch. Each attempt's answer goes
  // through guardResponse (no redirect, a size cap). With the platform fetch
  // the attempt's signal goes straight to fetch(): on the Request, every copy
  // of it (fetch makes one) would have to follow the signal again.
  const attemptInit = (
    signal: AbortSignal,
    method: string,
    path: string,
    headers: Record<string, string> = {},
  ) => {
    const limits = { maxResponseBytes, method, path, baseUrl };
    return {
      headers,
      parseAs: 'text' as const,
      ...(userFetch
        ? {
            signal,
            fetch: async (request: Request) => guardResponse(await userFetch(request), limits),
          }
        : {
            fetch: async (request: Request) =>
              guardResponse(await globalThis.fetch(...resend(request, signal)), limits),
          }),
    };
  };

  type Fetcher = (path: string, init: Record<string, unknown>) => Promise<FetchResult>;
  const fetcherOf = (method: string) => raw[method as 'GET'] as unknown as Fetcher;

  /** One call of an operation of the table: arguments checked, then sent with retries. */
  async function call(spec: OperationSpec, args: readonly unknown[]): Promise<unknown> {
    const { path, query, options } = splitArguments(spec, args);
    const headers = checkHeaders(options.headers);
    const fetcher = fetcherOf(spec.method);
    const params = { path: path.values, query };
    return send(
      (signal) =>
        fetcher(spec.path, { params, ...attemptInit(signal, spec.method, path.url, headers) }),
      { method: spec.method, path: path.url, policy, timeoutMs, signal: options.signal, redact },
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
      (pageNo) =>
        call(spec, [
          ...pathArgs,
          { ...query, [paging.pageSize]: pageSize, [paging.pageNo]: pageNo },
          callOptions,
        ]) as Promise<Page>,
      {
        firstPage: (query[paging.pageNo] as number | undefined) ?? defaultOf(spec, paging.pageNo),
        pageSize,
        maxPages,
        items: paging.items,
      },
    );
  }

  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  for (const spec of Object.values(operations)) {
    methods[spec.operationId] = (...args) => call(spec, args);
    const paging = spec.list;
    if (paging) methods[paging.iterator] = (...args) => iterate(spec, paging, args);
  }
  return { ...methods, raw } as unknown as PurchasesClient;
}

type Paging = NonNullable<OperationSpec['list']>;
type FetchResult = { data?: unknown; error?: unknown; response: Response };

/**
 * A method's arguments as the table lays them out: one string per path
 * parameter, then the query (when the operation has one), then the options.
 */
function splitArguments(spec: OperationSpec, args: readonly unknown[]) {
  const values: Record<string, string> = {};
  let url = spec.path;
  spec.pathParameters.forEach((parameter, index) => {
    const value = checkPathArgument(parameter.argument, args[index]);
    values[parameter.name] = value;
    url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
  });
  let next = spec.pathParameters.length;
  const query = spec.queryParameters.length > 0 ? checkQuery(spec, args[next++]) : {};
  const options = (args[next] ?? {}) as CallOptions;
  return { path: { values, url }, query, options };
}

// fetch(request, { signal }) copies the Request and makes the copy follow
// the original's signal as well as ours: the dearest step of a call. Without
// a body, a Request is its URL and options, so it is sent from those (every
// option carried over, in case a middleware of `raw.use()` set one).
function resend(request: Request, signal: AbortSignal): [Request | string, RequestInit] {
  if (request.body !== null) return [request, { signal }];
  const { url, method, headers, redirect, cache, credentials, integrity, keepalive } = request;
  const { mode, referrer, referrerPolicy } = request;
  const init = { method, headers, redirect, cache, credentials, integrity, keepalive, mode };
  return [url, { ...init, referrer, referrerPolicy, signal }];
}

function resolveBaseUrl({ baseUrl, region }: PurchasesClientOptions): string {
  if (baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new ApigArgumentError(
        'baseUrl',
        `must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ApigArgumentError('baseUrl', `must use http or https, got ${url.protocol}`);
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
  return `https://apig.${region}.myhuaweicloud.com`;
}
