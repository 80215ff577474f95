// Pure, synchronous pieces of Huawei's SDK-HMAC-SHA256 canonical request.
// No crypto and no I/O here, so every rule can be unit-tested on strings.
//
// Decisions where Huawei's own signers disagree with each other (details in
// test/unit/sign-oracle.test.ts):
// - Path and query are percent-decoded to raw bytes first, then re-encoded.
//   A `%2F` inside a path segment therefore signs as `/` (Go's URL.Path and
//   Python's unquote() do the same); the Node SDK skips the decode step and
//   double-encodes what legacy url.parse() escaped.
// - `+` in a query is a literal plus (RFC 3986), not a space. No official SDK
//   sends a bare `+` (the Go SDK even rewrites it to %20 before sending), and
//   Huawei's APIG demo signers for JavaScript (decodeURI) and Python
//   (unquote) keep it literal. Build query strings with %20 for spaces.
// - Query pairs sort by their raw UTF-8 bytes, i.e. by code point, as Go's
//   sort.Strings and Python's sorted() do. The Node SDK sorts UTF-16 code
//   units, which differs only when U+E000..U+FFFF meets an astral character.

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

/** hex(sha256('')): the payload hash of a request without a body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const utf8 = new TextEncoder();

// Raw bytes are held as "byte strings" (one char per byte, 0-255): cheap to
// build, and `<` on them is exactly the UTF-8 byte order the sort needs.
// WHATWG URLs serialise path and query as ASCII, so the common case (no `%`)
// needs no conversion at all.

// RFC 3986 unreserved: A-Z a-z 0-9 - _ . ~ stay; every other byte is %XX.
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
const ENCODED_BYTE: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte);
  return UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
});
const NON_ASCII = /[\u0080-\uffff]/;

function toByteString(value: string): string {
  if (!NON_ASCII.test(value)) return value;
  let out = '';
  for (const byte of utf8.encode(value)) out += String.fromCharCode(byte);
  return out;
}

// A path needs no re-encoding when it is all unreserved characters and `/`.
const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

function encodeByteString(bytes: string, keepSlash = false): string {
  if ((keepSlash ? PLAIN_PATH : UNRESERVED).test(bytes)) return bytes;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes.charCodeAt(i);
    out += keepSlash && byte === 0x2f ? '/' : ENCODED_BYTE[byte];
  }
  return out;
}

/** Percent-encodes the UTF-8 bytes of `value`, keeping only `A-Z a-z 0-9 - _ . ~`. */
export function encodeRfc3986(value: string): string {
  return encodeByteString(toByteString(value));
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Percent-decodes to raw bytes (WHATWG rules: a `%` not followed by two hex
 * digits stays as is). Working on bytes keeps invalid UTF-8 such as `%FF`
 * byte-exact instead of turning it into U+FFFD.
 */
function percentDecode(input: string): string {
  const bytes = toByteString(input);
  if (!bytes.includes('%')) return bytes;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    const high = code === 0x25 ? hexDigit(bytes.charCodeAt(i + 1)) : -1;
    const low = high === -1 ? -1 : hexDigit(bytes.charCodeAt(i + 2));
    if (low === -1) {
      out += bytes[i];
    } else {
      out += String.fromCharCode((high << 4) | low);
      i += 2;
    }
  }
  return out;
}

/**
 * CanonicalURI: decode the path, encode every byte but `/`, and end with `/`
 * (the request itself is sent without that slash).
 */
export function canonicalUri(pathname: string): string {
  const path = encodeByteString(percentDecode(pathname), true);
  return path.endsWith('/') ? path : `${path}/`;
}

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * CanonicalQueryString from a URL's `search` (with or without the `?`):
 * decoded pairs sorted by raw key, then raw value, each re-encoded as
 * `key=value`. A key without `=` signs as `key=`; empty `&&` parts are dropped.
 */
export function canonicalQueryString(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return '';
  const pairs: (readonly [key: string, value: string])[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(
      eq === -1
        ? [percentDecode(part), '']
        : [percentDecode(part.slice(0, eq)), percentDecode(part.slice(eq + 1))],
    );
  }
  // Sorting the encoded strings instead would misplace `~` and non-ASCII.
  pairs.sort((a, b) => byBytes(a[0], b[0]) || byBytes(a[1], b[1]));
  return pairs
    .map(([key, value]) => `${encodeByteString(key)}=${encodeByteString(value)}`)
    .join('&');
}

export type HeaderEntry = readonly [name: string, value: string];

// Go's strings.TrimSpace on the wire bytes: ASCII whitespace only (a lone
// 0xA0 byte is not UTF-8, so Go would not strip it either).
const EDGE_WHITESPACE = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;

function isSortedLowerCase(headers: readonly HeaderEntry[]): boolean {
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i]?.[0] ?? '';
    if (name !== name.toLowerCase()) return false;
    if (i > 0 && !((headers[i - 1]?.[0] ?? '') < name)) return false;
  }
  return true;
}

const isEdgeWhitespace = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d);

function trimEdges(value: string): string {
  if (value === '') return value;
  const needed =
    isEdgeWhitespace(value.charCodeAt(0)) || isEdgeWhitespace(value.charCodeAt(value.length - 1));
  return needed ? value.replace(EDGE_WHITESPACE, '') : value;
}

/**
 * CanonicalHeaders (`name:value\n` per header, sorted by lower-case name)
 * and SignedHeaders (`name;name`). Names must be unique.
 */
export function canonicalHeaders(headers: readonly HeaderEntry[]): {
  canonicalHeaders: string;
  signedHeaders: string;
} {
  // The signer passes its headers lower-case and sorted already.
  const lines = isSortedLowerCase(headers)
    ? headers
    : headers
        .map(([name, value]): HeaderEntry => [name.toLowerCase(), value])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // One pass, no intermediate arrays: this runs on every signed call.
  let canonical = '';
  let signed = '';
  for (const [name, value] of lines) {
    canonical += `${name}:${trimEdges(value)}\n`;
    signed += signed === '' ? name : `;${name}`;
  }
  return { canonicalHeaders: canonical, signedHeaders: signed };
}

export interface CanonicalRequestInput {
  readonly method: string;
  /** URL pathname as sent (percent-encoded). */
  readonly pathname: string;
  /** URL search as sent (percent-encoded), `''` when there is no query. */
  readonly search: string;
  /** Exactly the headers to sign. */
  readonly headers: readonly HeaderEntry[];
  /** hex sha256 of the body, or the X-Sdk-Content-Sha256 value. */
  readonly payloadHash: string;
}

/** METHOD \n URI \n QUERY \n HEADERS \n SIGNED-HEADERS \n PAYLOAD-HASH. */
export function canonicalRequest(input: CanonicalRequestInput): {
  canonicalRequest: string;
  signedHeaders: string;
} {
  const headers = canonicalHeaders(input.headers);
  const text = `${input.method}\n${canonicalUri(input.pathname)}\n${canonicalQueryString(input.search)}\n${headers.canonicalHeaders}\n${headers.signedHeaders}\n${input.payloadHash}`;
  return { canonicalRequest: text, signedHeaders: headers.signedHeaders };
}

/** SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(sha256(CanonicalRequest)). */
export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${canonicalRequestHash}`;
}

// Calls within one second share their X-Sdk-Date: formatting it is a
// measurable part of signing a request.
let lastSecond = Number.NaN;
let lastSdkDate = '';

/** X-Sdk-Date: UTC `YYYYMMDDTHHMMSSZ`, e.g. `20060102T150405Z`. */
export function formatSdkDate(date: Date): string {
  if (!(date instanceof Date)) throw new TypeError('date must be a Date');
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('date must be a valid Date');
  const second = Math.floor(time / 1000);
  if (second === lastSecond) return lastSdkDate;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('date must fall in years 0000-9999');
  const iso = date.toISOString(); // 2006-01-02T15:04:05.000Z
  lastSdkDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  lastSecond = second;
  return lastSdkDate;
}
