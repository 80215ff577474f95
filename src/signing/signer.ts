// AK/SK request signing for Huawei Cloud APIG (SDK-HMAC-SHA256), producing
// the same Authorization as Huawei's official SDKs for the same headers.
// Nothing secret (secret key, security token, Authorization) is ever put in
// an error message or logged.
//
// Both entries return a promise, wherever they run. Inside, the digests are
// synchronous node:crypto on Node (no promise per hash) and WebCrypto in
// browsers.

import { AUTH_HEADERS } from '../auth/auth-headers.js';
import type { AkSkCredentials } from '../auth/credential-types.js';
import { assertAkSkCredentials } from '../auth/credentials.js';
import { ApigArgumentError } from '../shared/errors.js';
import {
  canonicalRequest,
  EMPTY_BODY_SHA256,
  formatSdkDate,
  type HeaderEntry,
  SIGNING_ALGORITHM,
  stringToSign,
} from './canonical.js';
import { type AsyncDigests, cryptoBackend, type SyncDigests } from './crypto.js';

export type { AkSkCredentials };

/**
 * The headers this signer signs (canonical, lower-case names: the wire
 * format of the signature), each only when present. `host` (from the
 * URL) and `x-sdk-date` are what APIG requires; `x-security-token` binds
 * temporary credentials; `content-type` binds how the body is read.
 * Everything else (user-agent, accept, ...) stays unsigned so that browsers
 * and proxies may add or rewrite it without breaking the signature; the
 * gateway recomputes the signature from the SignedHeaders it receives.
 */
export const SIGNED_HEADERS = ['content-type', 'host', 'x-sdk-date', 'x-security-token'] as const;

/** When present, used verbatim as the payload hash (e.g. `UNSIGNED-PAYLOAD`). */
export const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';

/** What signHeaders signs: a request as it will be sent. */
export interface SignableRequest {
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** Absolute URL with its query, percent-encoded as it will be sent. */
  url: string | URL;
  /**
   * The headers as they will be sent (fetch adds `Content-Type: text/plain`
   * for a string body): only Content-Type, X-Security-Token and
   * X-Sdk-Content-Sha256 are read.
   */
  headers?: Headers | Record<string, string> | undefined;
  /** The exact body bytes (a string is sent as UTF-8); none for a GET. */
  body?: string | Uint8Array | ArrayBuffer | null | undefined;
}

/** The headers to add to the request: X-Sdk-Date, Authorization and, for temporary credentials, X-Security-Token. */
export type SignedAuthHeaders = Record<
  typeof AUTH_HEADERS.sdkDate | typeof AUTH_HEADERS.authorization,
  string
> &
  Partial<Record<typeof AUTH_HEADERS.securityToken, string>>;

type MaybePromise<T> = T | Promise<T>;

// Goes on with `next` at once for a plain value, after it for a promise: one
// code path that stays synchronous with node:crypto and waits with WebCrypto.
const then = <T, R>(
  value: MaybePromise<T>,
  next: (value: T) => MaybePromise<R>,
): MaybePromise<R> => (value instanceof Promise ? value.then(next) : next(value));

/** What the signature depends on, read from the request. */
interface Parts {
  method: string;
  url: URL;
  contentType: string | null;
  contentSha256: string | null;
  /** The request's own X-Security-Token, signed when the credentials carry none. */
  securityToken: string | null;
  body: string | Uint8Array | null;
}

/**
 * hex(HMAC-SHA256(SK, StringToSign)) for an already built canonical request:
 * a plain string with node:crypto, a promise with WebCrypto.
 */
export function signatureFor(
  canonical: string,
  sdkDate: string,
  secretKey: string,
  digests: SyncDigests | AsyncDigests = cryptoBackend(),
): MaybePromise<string> {
  return then(digests.sha256Hex(canonical), (hash) =>
    digests.hmacSha256Hex(secretKey, stringToSign(sdkDate, hash)),
  );
}

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>`. */
export function authorizationValue(
  accessKey: string,
  signedHeaders: string,
  signature: string,
): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

// The canonical request of `parts` as sent with `sdkDate` and `securityToken`.
// Request objects cannot carry Host; fetch sends the URL's host, which the
// WHATWG URL already stripped of a default port (":443" for https) and keeps
// with any other port, as Huawei's signers take it from the endpoint.
function canonicalOf(
  parts: Parts,
  sdkDate: string,
  securityToken: string | null,
  payloadHash: string,
) {
  const headers: HeaderEntry[] = [];
  if (parts.contentType !== null) headers.push(['content-type', parts.contentType]);
  headers.push(['host', parts.url.host], ['x-sdk-date', sdkDate]);
  if (securityToken !== null) headers.push(['x-security-token', securityToken]);
  return canonicalRequest({
    method: parts.method,
    pathname: parts.url.pathname,
    search: parts.url.search,
    headers,
    payloadHash,
  });
}

function headersOf(
  credentials: AkSkCredentials,
  sdkDate: string,
  signedHeaders: string,
  signature: string,
): SignedAuthHeaders {
  const headers: SignedAuthHeaders = {
    [AUTH_HEADERS.sdkDate]: sdkDate,
    [AUTH_HEADERS.authorization]: authorizationValue(
      credentials.accessKey,
      signedHeaders,
      signature,
    ),
  };
  if (credentials.securityToken !== undefined) {
    headers[AUTH_HEADERS.securityToken] = credentials.securityToken;
  }
  return headers;
}

// Synchronous where node:crypto is available, a promise with WebCrypto.
function sign(
  parts: Parts,
  credentials: AkSkCredentials,
  date: Date,
): MaybePromise<SignedAuthHeaders> {
  assertAkSkCredentials(credentials);
  const sdkDate = formatSdkDate(date);
  const digests = cryptoBackend();
  const { body } = parts;
  const payloadHash =
    parts.contentSha256 ??
    (body === null || body.length === 0 ? EMPTY_BODY_SHA256 : digests.sha256Hex(body));
  return then(payloadHash, (hash) => {
    const securityToken = credentials.securityToken ?? parts.securityToken;
    const canonical = canonicalOf(parts, sdkDate, securityToken, hash);
    return then(
      signatureFor(canonical.canonicalRequest, sdkDate, credentials.secretKey, digests),
      (signature) => headersOf(credentials, sdkDate, canonical.signedHeaders, signature),
    );
  });
}

// --- signing parts given by the caller ------------------------------------

function readHeader(headers: SignableRequest['headers'], lowerName: string): string | null {
  if (headers === undefined) return null;
  if (headers instanceof Headers) return headers.get(lowerName);
  if (typeof headers !== 'object' || headers === null) {
    throw new ApigArgumentError('headers', 'must be a Headers or a record of header values');
  }
  for (const name in headers) {
    if (name.toLowerCase() === lowerName) return String(headers[name]);
  }
  return null;
}

function partsOf(request: SignableRequest): Parts {
  if (typeof request !== 'object' || request === null) {
    throw new ApigArgumentError('request', 'must be { method, url, headers?, body? }');
  }
  const { method, url, headers, body = null } = request;
  if (typeof method !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) {
    throw new ApigArgumentError('method', 'must be an HTTP method such as GET');
  }
  let parsed: URL;
  try {
    parsed = url instanceof URL ? url : new URL(url);
  } catch {
    throw new ApigArgumentError('url', `must be an absolute URL, got ${JSON.stringify(url)}`);
  }
  let bytes: string | Uint8Array | null;
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  else throw new ApigArgumentError('body', 'must be a string, Uint8Array, ArrayBuffer or null');
  return {
    method: method.toUpperCase(),
    url: parsed,
    contentType: readHeader(headers, 'content-type'),
    contentSha256: readHeader(headers, CONTENT_SHA256_HEADER),
    securityToken: readHeader(headers, 'x-security-token'),
    body: bytes,
  };
}

/**
 * The auth headers for a request described by its method, URL, headers and
 * body: for any HTTP client (node:http, axios, undici), not only fetch, and
 * the client's own path. Add every returned header to the request unchanged;
 * `date` defaults to now.
 */
export async function signHeaders(
  request: SignableRequest,
  credentials: AkSkCredentials,
  date: Date = new Date(),
): Promise<SignedAuthHeaders> {
  return sign(partsOf(request), credentials, date);
}

// --- signing a fetch Request -----------------------------------------------

function partsOfRequest(request: Request, body: Uint8Array | null): Parts {
  const { headers } = request;
  return {
    // The Request constructor already upper-cased the standard methods.
    method: request.method,
    url: new URL(request.url),
    contentType: headers.get('content-type'),
    contentSha256: headers.get(CONTENT_SHA256_HEADER),
    securityToken: headers.get('x-security-token'),
    body,
  };
}

function assertRequest(request: unknown): asserts request is Request {
  if (!(request instanceof Request)) throw new TypeError('request must be a Request');
  if (request.bodyUsed) throw new TypeError('signRequest: the request body has already been read');
}

// Read a clone so the caller's Request stays untouched and usable.
async function readBody(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await request.clone().arrayBuffer());
}

function setAll(headers: Headers, signed: SignedAuthHeaders): void {
  for (const [name, value] of Object.entries(signed)) headers.set(name, value);
}

/**
 * Returns a new Request (same method, URL, body, signal and other headers)
 * carrying X-Sdk-Date, Authorization and, for temporary credentials,
 * X-Security-Token. Any X-Sdk-Date or Authorization already present is
 * replaced. `date` defaults to now.
 */
export async function signRequest(
  request: Request,
  credentials: AkSkCredentials,
  date: Date = new Date(),
): Promise<Request> {
  assertRequest(request);
  assertAkSkCredentials(credentials);
  const body = request.body === null ? null : await readBody(request);
  const headers = new Headers(request.headers);
  setAll(headers, await sign(partsOfRequest(request, body), credentials, date));
  // Passing the bytes we hashed (not the original stream) leaves the
  // caller's Request unread and guarantees we send exactly what we signed.
  return body === null
    ? new Request(request, { headers })
    : new Request(request, { headers, body });
}
