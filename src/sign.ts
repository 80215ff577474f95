// AK/SK request signing for Huawei Cloud APIG (SDK-HMAC-SHA256), producing
// the same Authorization as Huawei's official SDKs for the same headers.
// Nothing secret (secret key, security token, Authorization) is ever put in
// an error message or logged.

import { type AkSkCredentials, assertAkSkCredentials } from './credentials.js';
import {
  canonicalRequest,
  EMPTY_BODY_SHA256,
  formatSdkDate,
  type HeaderEntry,
  SIGNING_ALGORITHM,
  stringToSign,
} from './sign-canonical.js';
import { cryptoBackend } from './sign-crypto.js';

export type { AkSkCredentials };

/**
 * The headers this signer signs, each only when present. `host` (from the
 * URL) and `x-sdk-date` are what APIG requires; `x-security-token` binds
 * temporary credentials; `content-type` binds how the body is read.
 * Everything else (user-agent, accept, ...) stays unsigned so that browsers
 * and proxies may add or rewrite it without breaking the signature; the
 * gateway recomputes the signature from the SignedHeaders it receives.
 */
export const SIGNED_HEADERS = ['content-type', 'host', 'x-sdk-date', 'x-security-token'] as const;

/** When present, used verbatim as the payload hash (e.g. `UNSIGNED-PAYLOAD`). */
export const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256';

/** hex(HMAC-SHA256(SK, StringToSign)) for an already built canonical request. */
export async function signatureFor(
  canonical: string,
  sdkDate: string,
  secretKey: string,
): Promise<string> {
  const crypto = cryptoBackend();
  const toSign = stringToSign(sdkDate, await crypto.sha256Hex(canonical));
  return crypto.hmacSha256Hex(secretKey, toSign);
}

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>`. */
export function authorizationValue(
  accessKey: string,
  signedHeaders: string,
  signature: string,
): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

// Request objects cannot carry Host; fetch sends the URL's host, which the
// WHATWG URL already stripped of a default port (":443" for https) and keeps
// with any other port, as Huawei's signers take it from the endpoint.
function headersToSign(headers: Headers, host: string): HeaderEntry[] {
  return SIGNED_HEADERS.flatMap((name): HeaderEntry[] => {
    const value = name === 'host' ? host : headers.get(name);
    return value === null ? [] : [[name, value]];
  });
}

async function readBody(request: Request): Promise<ArrayBuffer | null> {
  if (request.body === null) return null;
  if (request.bodyUsed) throw new TypeError('signRequest: the request body has already been read');
  // Read a clone so the caller's Request stays untouched and usable.
  return request.clone().arrayBuffer();
}

/**
 * Sets X-Sdk-Date, Authorization and, for temporary credentials,
 * X-Security-Token on `headers`, signing `request` as it would go out with
 * them. Returns the body bytes it hashed (null without a body).
 */
async function sign(
  request: Request,
  headers: Headers,
  credentials: AkSkCredentials,
  date: Date,
): Promise<ArrayBuffer | null> {
  if (!(request instanceof Request)) throw new TypeError('request must be a Request');
  assertAkSkCredentials(credentials);
  const sdkDate = formatSdkDate(date);

  headers.set('x-sdk-date', sdkDate);
  if (credentials.securityToken !== undefined) {
    headers.set('x-security-token', credentials.securityToken);
  }

  const body = await readBody(request);
  const payloadHash =
    headers.get(CONTENT_SHA256_HEADER) ??
    (body === null ? EMPTY_BODY_SHA256 : await cryptoBackend().sha256Hex(new Uint8Array(body)));

  const url = new URL(request.url);
  const canonical = canonicalRequest({
    method: request.method,
    pathname: url.pathname,
    search: url.search,
    headers: headersToSign(headers, url.host),
    payloadHash,
  });
  const signature = await signatureFor(canonical.canonicalRequest, sdkDate, credentials.secretKey);
  headers.set(
    'authorization',
    authorizationValue(credentials.accessKey, canonical.signedHeaders, signature),
  );
  return body;
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
  const headers = new Headers(request instanceof Request ? request.headers : undefined);
  const body = await sign(request, headers, credentials, date);
  // Passing the bytes we hashed (not the original stream) leaves the
  // caller's Request unread and guarantees we send exactly what we signed.
  return body === null
    ? new Request(request, { headers })
    : new Request(request, { headers, body });
}

/**
 * Signs `request` in place: the same headers as signRequest, set on its own
 * (mutable) headers. For the client's middleware, which owns the Request:
 * copying it (and re-following its AbortSignal) on every call costs more than
 * the signature itself.
 */
export async function signRequestInPlace(
  request: Request,
  credentials: AkSkCredentials,
  date: Date = new Date(),
): Promise<Request> {
  await sign(request, request.headers, credentials, date);
  return request;
}
