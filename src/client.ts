// createPurchasesClient: typed methods for both purchase operations on top of
// an openapi-fetch client that carries the auth middleware.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { checkHeaders, checkListQuery, checkPurchaseId, PAGE_NO, PAGE_SIZE } from './arguments.js';
import { type Credentials, clientAuth } from './auth.js';
import { ApigArgumentError } from './errors.js';
import { paginate } from './paginate.js';
import { redactor } from './redact.js';
import { guardResponse } from './response-guard.js';
import { type RetryOptions, resolveRetryPolicy } from './retry.js';
import { send } from './send-with-retries.js';
import type {
  ListPurchasedGroupsQuery,
  PurchasedGroup,
  PurchasedGroupList,
  PurchasedGroupSummary,
} from './types.js';

const LIST_PATH = '/v1.0/apigw/purchases/groups';
const DETAIL_PATH = '/v1.0/apigw/purchases/groups/{purchase_id}';

export interface PurchasesClientOptions {
  /** Huawei Cloud region, e.g. `cn-north-4`: calls `https://apig.{region}.myhuaweicloud.com`. */
  region?: string;
  /** Any other base URL, e.g. the mock (`http://127.0.0.1:4010`). Wins over `region`. */
  baseUrl?: string;
  /** `{ token }` (IAM token) or `{ accessKey, secretKey, securityToken? }` (AK/SK signing); none for the mock. */
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

export interface PurchasesClient {
  /** One page of purchased API groups. */
  listPurchasedGroups(
    query?: ListPurchasedGroupsQuery,
    options?: CallOptions,
  ): Promise<PurchasedGroupList>;
  /** One subscription, with its `group_domains`. */
  getPurchasedGroup(purchaseId: string, options?: CallOptions): Promise<PurchasedGroup>;
  /** Every purchase across pages (`page_size` per request, from `page_no`). */
  iteratePurchasedGroups(
    query?: ListPurchasedGroupsQuery,
    options?: IterateOptions,
  ): AsyncGenerator<PurchasedGroupSummary, void, undefined>;
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
  const attemptInit = (signal: AbortSignal, path: string, headers: Record<string, string> = {}) => {
    const limits = { maxResponseBytes, method: 'GET', path, baseUrl };
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

  async function listPurchasedGroups(query?: ListPurchasedGroupsQuery, call: CallOptions = {}) {
    const checked = checkListQuery(query);
    const headers = checkHeaders(call.headers);
    const data = await send(
      (signal) =>
        raw.GET(LIST_PATH, {
          params: { query: checked },
          ...attemptInit(signal, LIST_PATH, headers),
        }),
      { method: 'GET', path: LIST_PATH, policy, timeoutMs, signal: call.signal, redact },
    );
    return data as PurchasedGroupList;
  }

  async function getPurchasedGroup(purchaseId: string, call: CallOptions = {}) {
    const id = checkPurchaseId(purchaseId);
    const headers = checkHeaders(call.headers);
    const path = `${LIST_PATH}/${encodeURIComponent(id)}`;
    const data = await send(
      (signal) =>
        raw.GET(DETAIL_PATH, {
          params: { path: { purchase_id: id } },
          ...attemptInit(signal, path, headers),
        }),
      { method: 'GET', path, policy, timeoutMs, signal: call.signal, redact },
    );
    return data as PurchasedGroup;
  }

  function iteratePurchasedGroups(query?: ListPurchasedGroupsQuery, call: IterateOptions = {}) {
    const checked = checkListQuery(query);
    checkHeaders(call.headers);
    const pageSize = checked.page_size ?? PAGE_SIZE.default;
    const { maxPages = 1000, ...callOptions } = call;
    if (!Number.isInteger(maxPages) || maxPages < 1) {
      throw new ApigArgumentError('maxPages', 'must be an integer of at least 1');
    }
    return paginate(
      (pageNo) =>
        listPurchasedGroups({ ...checked, page_size: pageSize, page_no: pageNo }, callOptions),
      {
        firstPage: checked.page_no ?? PAGE_NO.default,
        pageSize,
        maxPages,
      },
    );
  }

  return { listPurchasedGroups, getPurchasedGroup, iteratePurchasedGroups, raw };
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
