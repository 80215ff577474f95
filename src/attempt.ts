// One attempt of a typed call, two ways. Directly: the URL is built by
// openapi-fetch's own serializers, the headers (auth included) are set, and
// the request goes to fetch with no `Request` of our own and no wrapper
// around the answer. Through openapi-fetch: when a middleware was added with
// `raw.use()`, so that it sees every call. Both send the same bytes
// (test/unit/client-paths.test.ts) and read the body within the size cap.
import {
  type Client,
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
} from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import type { ClientAuth } from './auth.js';
import { guardResponse, readCappedText } from './response-guard.js';
import type { Attempt, SentHeaders } from './send-with-retries.js';

/** What every attempt of one client shares. */
export interface Transport {
  baseUrl: string;
  maxResponseBytes: number;
  auth: ClientAuth;
  /** The user's fetch option; the global fetch (looked up per call) otherwise. */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  raw: Client<paths>;
}

/** One call, arguments checked: what its attempts send. */
export interface PreparedCall {
  method: string;
  /** The path template of the table, e.g. `/v1.0/apigw/purchases/groups/{purchase_id}`. */
  template: string;
  /** The request path without query, for messages. */
  path: string;
  params: { path: Record<string, string>; query: Record<string, unknown> };
  headers: Record<string, string> | undefined;
}

const querySerializer = createQuerySerializer();

/** The URL openapi-fetch would build for this call. */
export function urlOf(transport: Transport, call: PreparedCall): string {
  return createFinalURL(call.template, {
    baseUrl: transport.baseUrl,
    params: call.params,
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
}

// The request headers: auth, then the caller's (case-insensitively over
// auth, as openapi-fetch merges them), then a signature over the result.
function headersOf(
  { auth }: Transport,
  extra: Record<string, string> | undefined,
): Headers | Record<string, string> {
  const headers: Record<string, string> = auth.headers ?? {};
  if (extra === undefined) return headers;
  const merged = new Headers(headers);
  for (const name in extra) merged.set(name, extra[name] as string);
  return merged;
}

function withSignature(
  headers: Headers | Record<string, string>,
  signed: Record<string, string>,
): Headers | Record<string, string> {
  if (!(headers instanceof Headers)) return { ...headers, ...signed };
  for (const name in signed) headers.set(name, signed[name] as string);
  return headers;
}

export async function sendDirect(
  transport: Transport,
  call: PreparedCall,
  url: string,
  signal: AbortSignal,
  sent: SentHeaders,
): Promise<Attempt> {
  const { method } = call;
  let headers = headersOf(transport, call.headers);
  const { sign } = transport.auth;
  if (sign !== undefined) {
    // Synchronous on Node once the signer is loaded: no promise to wait for.
    const signed = sign({ method, url, headers });
    headers = withSignature(headers, signed instanceof Promise ? await signed : signed);
  }
  sent.headers = headers;
  const init: RequestInit = { method, headers, redirect: 'manual', signal };
  const response = await (transport.fetch
    ? transport.fetch(new Request(url, init))
    : globalThis.fetch(url, init));
  const { maxResponseBytes, baseUrl } = transport;
  const text = await readCappedText(response, {
    maxResponseBytes,
    method,
    path: call.path,
    baseUrl,
  });
  if (response.ok) return { data: text, response };
  // As openapi-fetch reads an error body: JSON when it parses, else the text.
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

type Fetcher = (path: string, init: Record<string, unknown>) => Promise<Attempt>;

export async function sendThroughOpenapiFetch(
  transport: Transport,
  call: PreparedCall,
  signal: AbortSignal,
  sent: SentHeaders,
): Promise<Attempt> {
  const { method, path } = call;
  const limits = {
    maxResponseBytes: transport.maxResponseBytes,
    method,
    path,
    baseUrl: transport.baseUrl,
  };
  const fetcher = transport.raw[method as 'GET'] as unknown as Fetcher;
  // With the platform fetch the attempt's signal goes straight to fetch():
  // on the Request, every copy of it (fetch makes one) would have to follow
  // the signal again.
  const send = async (request: Request) => {
    sent.headers = request.headers;
    const response = transport.fetch
      ? await transport.fetch(request)
      : await globalThis.fetch(...resend(request, signal));
    return guardResponse(response, limits);
  };
  return fetcher(call.template, {
    params: call.params,
    headers: call.headers ?? {},
    parseAs: 'text',
    fetch: send,
    ...(transport.fetch ? { signal } : {}),
  });
}

// fetch(request, { signal }) copies the Request and makes the copy follow
// the original's signal as well as ours. Without a body, a Request is its URL
// and options, so it is sent from those (every option carried over, since a
// middleware of `raw.use()` may have set one).
function resend(request: Request, signal: AbortSignal): [Request | string, RequestInit] {
  if (request.body !== null) return [request, { signal }];
  const { url, method, headers, redirect, cache, credentials, integrity, keepalive } = request;
  const { mode, referrer, referrerPolicy } = request;
  const init = { method, headers, redirect, cache, credentials, integrity, keepalive, mode };
  return [url, { ...init, referrer, referrerPolicy, signal }];
}
