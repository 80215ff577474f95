// The `middleware` option: openapi-fetch's Middleware, run by the client's
// one sender in openapi-fetch's own order and with its own rules
// (node_modules/openapi-fetch, coreFetch): every onRequest in order, which
// may replace the Request or answer with a Response; when fetch throws,
// every onError in reverse, which may recover with a Response; then every
// onResponse in reverse, which may replace the Response. The same list is
// given to `raw`, so both see every call.
import {
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  type MergedOptions,
  type Middleware,
  type MiddlewareCallbackParams,
} from 'openapi-fetch';
import type { CallContext } from './call-context.js';

export type { Middleware };

const querySerializer = createQuerySerializer();

/** What every hook of one attempt is told besides the request. */
export type HookSite = Omit<MiddlewareCallbackParams, 'request'>;

export function hookSite(call: CallContext): HookSite {
  const options: MergedOptions = Object.freeze({
    baseUrl: call.client.baseUrl,
    parseAs: 'json',
    querySerializer,
    bodySerializer: defaultBodySerializer,
    pathSerializer: defaultPathSerializer,
    fetch: call.client.fetch ?? globalThis.fetch,
  } as MergedOptions);
  return {
    schemaPath: call.template,
    params: call.params,
    options,
    id: Math.random().toString(36).slice(2, 11),
  };
}

/** The request after every onRequest, or the Response one of them answered with. */
export async function beforeSend(
  middleware: readonly Middleware[],
  request: Request,
  site: HookSite,
): Promise<Request | Response> {
  let current = request;
  for (const hooks of middleware) {
    const result = await hooks.onRequest?.({ ...site, request: current });
    if (result === undefined || result === null) continue;
    if (result instanceof Response) return result;
    if (!(result instanceof Request)) {
      throw new TypeError('middleware onRequest must return a Request, a Response or nothing');
    }
    current = result;
  }
  return current;
}

/** A Response an onError recovered with; otherwise throws the (possibly replaced) error. */
export async function recover(
  middleware: readonly Middleware[],
  request: Request,
  error: unknown,
  site: HookSite,
): Promise<Response> {
  let current = error;
  for (let index = middleware.length - 1; index >= 0; index -= 1) {
    const result = await middleware[index]?.onError?.({ ...site, request, error: current });
    if (result === undefined || result === null) continue;
    if (result instanceof Response) return result;
    if (!(result instanceof Error)) {
      throw new TypeError('middleware onError must return a Response, an Error or nothing');
    }
    current = result;
  }
  throw current;
}

/** The response after every onResponse, last middleware first. */
export async function afterReceive(
  middleware: readonly Middleware[],
  request: Request,
  response: Response,
  site: HookSite,
): Promise<Response> {
  let current = response;
  for (let index = middleware.length - 1; index >= 0; index -= 1) {
    const result = await middleware[index]?.onResponse?.({ ...site, request, response: current });
    if (result === undefined || result === null) continue;
    if (!(result instanceof Response)) {
      throw new TypeError('middleware onResponse must return a Response or nothing');
    }
    current = result;
  }
  return current;
}
