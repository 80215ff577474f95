// createPurchasesClient: one typed method per operation of the generated
// table (generated/operations.js), the same again under `withResponse`, an
// iterator per paged list, and `raw`, an openapi-fetch client with the same
// auth and middleware. Nothing here names an operation: adding one to the
// contract adds its methods. Every call goes the one way: arguments checked
// here, then transport/call-with-retries.ts.
import { type OperationSpec, operations, requestIdHeader } from '../../generated/operations.js';
import { secretsOf } from '../auth/credentials.js';
import type { SigningClock } from '../shared/clock-skew.js';
import { ApigArgumentError, ApigResponseShapeError } from '../shared/errors.js';
import { defaultOf } from '../shared/operation-defaults.js';
import { redactor } from '../shared/redact.js';
import { clientAuth } from '../transport/authenticate.js';
import { type ClientContext, callContext } from '../transport/call-context.js';
import { callWithRetries, type Sent } from '../transport/call-with-retries.js';
import { rawClient } from '../transport/raw-client.js';
import { resolveRetryPolicy } from '../transport/retry-policy.js';
import { resolveBaseUrl } from './base-url.js';
import { splitArguments } from './call-arguments.js';
import type {
  IterateOptions,
  PurchasesClient,
  PurchasesClientOptions,
  WithResponse,
} from './options.js';
import { type Page, paginate } from './paginate.js';

export function createPurchasesClient(options: PurchasesClientOptions): PurchasesClient {
  const client = clientContext(options);

  /** One call of an operation of the table: arguments checked, then sent with retries. */
  function call(spec: OperationSpec, args: readonly unknown[]): Promise<Sent> {
    const { path, values, query, options, headers } = splitArguments(spec, args);
    const params = { path: values, query };
    const { method, path: template } = spec;
    const { signal } = options;
    return callWithRetries(
      callContext(client, { method, template, params, headers, signal, path }),
    );
  }

  /** Every item of a paged list across pages, checked before the first request. */
  function iterate(spec: OperationSpec, paging: Paging, args: readonly unknown[]) {
    const { path, values, query, options } = splitArguments(spec, args);
    const pageSize =
      (query[paging.pageSize] as number | undefined) ?? defaultOf(spec, paging.pageSize);
    const { maxPages = 1000, ...callOptions } = options as IterateOptions;
    if (!Number.isInteger(maxPages) || maxPages < 1) {
      throw new ApigArgumentError('maxPages', 'must be an integer of at least 1');
    }
    const pathArgs = spec.pathParameters.map((parameter) => values[parameter.name]);
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
          new ApigResponseShapeError({ method: spec.method, path, field, problem }),
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
  const raw = rawClient(client);
  return { ...methods, withResponse, raw } as unknown as PurchasesClient;
}

/** The options, checked once: what every call of this client shares. */
function clientContext(options: PurchasesClientOptions): ClientContext {
  if (typeof options !== 'object' || options === null) {
    throw new ApigArgumentError(
      'options',
      'must be an object ({ region or baseUrl, credentials })',
    );
  }
  const baseUrl = resolveBaseUrl(options);
  const { credentials, onAttempt, fetch, middleware = [] } = options;
  if (credentials === undefined) {
    throw new ApigArgumentError(
      'credentials',
      'are required: { token } (an IAM token) or { accessKey, secretKey }; the mock takes any token',
    );
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ApigArgumentError('timeoutMs', 'must be a positive number of milliseconds');
  }
  const maxResponseBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes <= 0) {
    throw new ApigArgumentError('maxResponseBytes', 'must be a positive whole number of bytes');
  }
  if (onAttempt !== undefined && typeof onAttempt !== 'function') {
    throw new ApigArgumentError('onAttempt', 'must be a function');
  }
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new ApigArgumentError('fetch', 'must be a function');
  }
  checkMiddleware(middleware);
  const signing: SigningClock = { offsetMs: 0 };
  const auth = clientAuth(credentials, signing);
  return {
    baseUrl,
    auth,
    fetch,
    middleware: [...middleware],
    policy: resolveRetryPolicy(options.retry),
    timeoutMs,
    maxResponseBytes,
    redact: redactor(secretsOf(credentials)),
    onAttempt,
    clock: auth.sign && { signing, correct: options.correctClockSkew === true },
  };
}

function checkMiddleware(middleware: unknown): void {
  if (!Array.isArray(middleware)) {
    throw new ApigArgumentError('middleware', 'must be an array of openapi-fetch middleware');
  }
  middleware.forEach((hooks: unknown, index) => {
    const where = `middleware[${index}]`;
    if (typeof hooks !== 'object' || hooks === null) {
      throw new ApigArgumentError(where, 'must be an object with onRequest, onResponse or onError');
    }
    const named = ['onRequest', 'onResponse', 'onError'].filter(
      (name) => (hooks as Record<string, unknown>)[name] !== undefined,
    );
    if (named.length === 0) {
      throw new ApigArgumentError(where, 'has none of onRequest, onResponse, onError');
    }
    for (const name of named) {
      if (typeof (hooks as Record<string, unknown>)[name] !== 'function') {
        throw new ApigArgumentError(`${where}.${name}`, 'must be a function');
      }
    }
  });
}

function withInfo({ data, response, attempts, elapsedMs }: Sent): WithResponse<unknown> {
  const { status, statusText, headers } = response;
  const requestId = headers.get(requestIdHeader) ?? undefined;
  return { data, response: { status, statusText, headers, requestId, attempts, elapsedMs } };
}

type Paging = NonNullable<OperationSpec['list']>;
