// The mock's `--verify-signatures`: an AK/SK request checked the way APIG
// checks it. The gateway rebuilds the canonical request from what it
// received (method, path and query as sent, the headers the Authorization
// names, the payload hash) and recomputes the HMAC with the secret key of the
// access key; an X-Sdk-Date more than 15 minutes from its clock is refused
// too. The problem, in words, never holds the secret key nor the signature.
import { AUTH_HEADERS } from '../auth/auth-headers.js';
import { GATEWAY_TOLERANCE_MS } from '../shared/clock-skew.js';
import {
  canonicalRequest,
  EMPTY_BODY_SHA256,
  type HeaderEntry,
  SIGNING_ALGORITHM,
} from '../signing/canonical.js';
import { CONTENT_SHA256_HEADER, signatureFor } from '../signing/signer.js';

export interface KeyPair {
  accessKey: string;
  secretKey: string;
}

export interface ReceivedRequest {
  method: string;
  /** The request target as received: path and query, percent-encoded. */
  target: string;
  /** The Host the client sent (in a browser, the URL's host). */
  host: string;
  headers: { get(name: string): string | null };
}

const authorization = new RegExp(
  `^${SIGNING_ALGORITHM} Access=([^,\\s]+), ?SignedHeaders=([^,\\s]+), ?Signature=([0-9a-fA-F]+)$`,
);

/** `20060102T150405Z` as milliseconds, or NaN. */
function sdkDateMs(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (match === null) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
}

/** Equal strings, compared without stopping at the first difference. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) {
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  }
  return difference === 0;
}

/** Why APIG would refuse the request's signature, or undefined when it holds. */
export async function signatureProblem(
  request: ReceivedRequest,
  keys: KeyPair,
  nowMs: number = Date.now(),
): Promise<string | undefined> {
  const header = request.headers.get(AUTH_HEADERS.authorization);
  if (header === null) return undefined;
  const match = authorization.exec(header.trim());
  if (match === null) {
    return `Authorization is not "${SIGNING_ALGORITHM} Access=..., SignedHeaders=..., Signature=..."`;
  }
  const [, accessKey = '', signedHeaders = '', signature = ''] = match;
  if (!sameText(accessKey, keys.accessKey)) {
    return 'the access key is not the one the mock was given (APIG_MOCK_ACCESS_KEY)';
  }
  const sdkDate = request.headers.get(AUTH_HEADERS.sdkDate);
  const signedAt = sdkDate === null ? Number.NaN : sdkDateMs(sdkDate);
  if (Number.isNaN(signedAt)) {
    return `${AUTH_HEADERS.sdkDate} is missing or not YYYYMMDDTHHMMSSZ`;
  }
  const offMs = signedAt - nowMs;
  if (Math.abs(offMs) > GATEWAY_TOLERANCE_MS) {
    const minutes = Math.round(Math.abs(offMs) / 60_000);
    return `${AUTH_HEADERS.sdkDate} is ${minutes} min ${offMs < 0 ? 'behind' : 'ahead of'} the mock's clock (APIG allows 15)`;
  }
  const names = signedHeaders.toLowerCase().split(';');
  if (!names.includes('x-sdk-date')) return 'SignedHeaders does not include x-sdk-date';
  const headers: HeaderEntry[] = [];
  for (const name of names) {
    const value = name === 'host' ? request.host : request.headers.get(name);
    if (value === null || name === '')
      return `SignedHeaders names ${name || 'an empty name'}, which the request lacks`;
    headers.push([name, value]);
  }
  const question = request.target.indexOf('?');
  const canonical = canonicalRequest({
    method: request.method.toUpperCase(),
    pathname: question === -1 ? request.target : request.target.slice(0, question),
    search: question === -1 ? '' : request.target.slice(question),
    headers,
    // These GETs carry no body (the mock refuses one).
    payloadHash: request.headers.get(CONTENT_SHA256_HEADER) ?? EMPTY_BODY_SHA256,
  });
  const expected = await signatureFor(canonical.canonicalRequest, sdkDate ?? '', keys.secretKey);
  return sameText(expected, signature.toLowerCase())
    ? undefined
    : 'the signature does not match the request (signed with another secret key, or changed after signing)';
}
