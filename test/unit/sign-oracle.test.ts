// Property-based equality with Huawei's official Node signer
// (@huaweicloud/huaweicloud-sdk-core, AKSKSigner.sign), a dev-only oracle.
//
// How the oracle is driven: AKSKSigner.sign signs every header it is given,
// so it gets exactly our signed set: `X-Sdk-Date` (its own spelling, so it
// reads our date instead of the clock), `host` (the URL's host, as the SDK's
// DefaultHttpClient passes it), `content-type` when our Request has one and
// `X-Security-Token` for temporary credentials. It takes the raw (decoded)
// path inside `endpoint`, the raw query as `queryParams` (arrays for repeated
// keys) and a JSON body as `data` (it hashes JSON.stringify(data)).
//
// Where the comparison is restricted, and why. Each is a quirk of the Node
// SDK (Go's core/auth/signer/signer.go and Python's signer.py do as we do,
// except where noted), pinned by the "documented differences" tests below:
// 1. Query sort order: the SDK sorts with Array#sort, i.e. by UTF-16 code
//    units; Go (sort.Strings on UTF-8 bytes) and Python (sorted() on code
//    points) sort by code point. The two orders differ only when a character
//    in U+E000..U+FFFF is compared with an astral one (e.g. U+FF01 vs U+1F600).
//    We follow Go/Python, so such cases are skipped by the property.
// 2. Path: the SDK encodes legacy url.parse()'s pathname without decoding it,
//    and url.parse() auto-escapes { } | \ ^ ` ' " < > space tab CR LF and
//    trims edge whitespace/C0 controls, so the SDK double-encodes those
//    (`a b` signs as a%2520b). Go and Python decode first (`a%20b`). Paths
//    with those characters are not given to the oracle; sign.test.ts checks
//    them against hand-written canonical requests.
// 3. Host with an explicit default port (`https://h:443`): the SDK (and Go)
//    sign `h:443` from the endpoint text; fetch sends `Host: h`, and we sign
//    what is sent.
// 4. Not generated here: the SDK signs every header it is handed (so an
//    X-Sdk-Content-Sha256 header would join its SignedHeaders; ours stays
//    unsigned, its value already being the canonical request's last line),
//    drops a multipart/form-data content-type from signing, and hashes
//    JSON.stringify(data), so a string body would be hashed with its quotes;
//    we hash the exact bytes sent, as Go and Python do.

import * as legacyUrl from 'node:url';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import type { ICredential } from '@huaweicloud/huaweicloud-sdk-core/auth/ICredential.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTH_HEADERS } from '../../src/auth/auth-headers.ts';
import { encodeRfc3986, formatSdkDate } from '../../src/signing/canonical.js';
import { signRequest } from '../../src/signing/signer.js';

type Pair = readonly [key: string, value: string];

interface OracleInput {
  readonly endpoint: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly queryParams: Record<string, string | string[]>;
  readonly data?: unknown;
}

function oracleSign(
  input: OracleInput,
  accessKey: string,
  secretKey: string,
): Record<string, string> {
  const credential = { getAk: () => accessKey, getSk: () => secretKey } as unknown as ICredential;
  return AKSKSigner.sign({ ...input }, credential) as Record<string, string>;
}

// A null-prototype map so keys like `__proto__` stay ordinary keys; fresh
// arrays because the SDK sorts them in place.
function queryParamsOf(pairs: readonly Pair[]): Record<string, string | string[]> {
  const grouped: Record<string, string[]> = Object.create(null);
  for (const [key, value] of pairs) {
    grouped[key] ??= [];
    grouped[key].push(value);
  }
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [key, values] of Object.entries(grouped)) {
    params[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return params;
}

const byUtf16 = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
}

/** True when UTF-16 and code point order agree on every key and value list (quirk 1). */
function sortOrdersAgree(pairs: readonly Pair[]): boolean {
  const agree = (list: string[]) =>
    [...list].sort(byUtf16).join('\u0000') === [...list].sort(byCodePoint).join('\u0000');
  const params = queryParamsOf(pairs);
  return (
    agree(Object.keys(params)) &&
    Object.values(params).every((v) => typeof v === 'string' || agree(v))
  );
}

// Characters chosen to hit every encoding rule, mixed with arbitrary code points.
const SPECIAL = [
  ...'aZ09-_.~',
  ...`!'()*+,;:@$&=?#%/[]{}|^\`"<>\\`,
  ' ',
  '\t',
  'é',
  'ß',
  '中',
  '😀',
  '\u00a0',
  '\ue000',
  '\uff01',
  '\ufffd',
];
const char = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
);
const text = (maxLength: number) => fc.array(char, { maxLength }).map((chars) => chars.join(''));

// Quirk 2: characters legacy url.parse() rewrites in a path.
const URL_PARSE_REWRITES = new Set([...`{}|\\^\`'"<> \t\r\n?#`]);
const pathSegment = text(6).filter((s) => ![...s].some((c) => URL_PARSE_REWRITES.has(c)));

// How our URL spells the same raw text: all three must sign identically.
type Encoder = (raw: string, inQuery: boolean) => string;
const ENCODERS: Record<string, Encoder> = {
  rfc3986: (raw) => encodeRfc3986(raw),
  encodeURIComponent: (raw) => encodeURIComponent(raw),
  // Only what would change meaning or be stripped (C0 controls, space at the
  // URL's edges); the URL parser percent-encodes the rest itself.
  loose: (raw, inQuery) =>
    [...raw]
      .map((c) => (c <= ' ' || (inQuery ? '%&=#' : '%/?#').includes(c) ? encodeURIComponent(c) : c))
      .join(''),
};

const queryKey = fc.oneof(fc.constantFrom('a', 'A', 'k', '~', 'é', '', '__proto__'), text(5));
const pairs = fc.array(fc.tuple(queryKey, text(6)), { maxLength: 6 });

const visibleAscii = (exclude = '') =>
  fc
    .string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) })
    .filter((s) => s.length > 0 && ![...s].some((c) => exclude.includes(c)));

const scenario = fc.record({
  host: fc.constantFrom(
    'example.com',
    'apig.cn-north-4.myhuaweicloud.com',
    'EXAMPLE.com:443',
    'localhost:8080',
    '127.0.0.1:9443',
    '[::1]:8443',
    'xn--bcher-kva.example',
  ),
  segments: fc.array(pathSegment, { maxLength: 5 }),
  trailingSlash: fc.boolean(),
  pairs,
  bareEmptyValues: fc.boolean(),
  encoder: fc.constantFrom(...Object.keys(ENCODERS)),
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
  contentType: fc.option(
    fc.constantFrom(
      'application/json',
      'application/json;charset=UTF-8',
      '  text/plain ; q=1 ',
      'application/x-www-form-urlencoded',
    ),
    { nil: undefined },
  ),
  data: fc.option(
    fc.oneof(fc.dictionary(text(4), fc.jsonValue(), { maxKeys: 4 }), fc.array(fc.jsonValue())),
    { nil: undefined },
  ),
  accessKey: visibleAscii(','),
  secretKey: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  securityToken: fc.option(visibleAscii(), { nil: undefined, freq: 2 }),
  date: fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

// The trailing slash is decided on the raw path, which may already end in "/"
// through a segment that contains one.
function trailingSlashOf(s: Scenario): string {
  return s.trailingSlash && !`/${s.segments.join('/')}`.endsWith('/') ? '/' : '';
}

function rawPathOf(s: Scenario): string {
  return `/${s.segments.join('/')}${trailingSlashOf(s)}`;
}

function urlOf(s: Scenario): string {
  const encode = ENCODERS[s.encoder] ?? encodeRfc3986;
  // A raw "/" inside a segment travels as %2F and signs as a separator, as in the raw path.
  const path = `/${s.segments.map((segment) => encode(segment, false)).join('/')}${trailingSlashOf(s)}`;
  const query = s.pairs
    .map(([key, value]) => {
      const k = encode(key, true);
      // A key without "=" means an empty value (not possible for an empty key).
      return value === '' && s.bareEmptyValues && key !== '' ? k : `${k}=${encode(value, true)}`;
    })
    .join('&');
  return `https://${s.host}${path}${query === '' ? '' : `?${query}`}`;
}

function hasBody(s: Scenario): boolean {
  return s.data !== undefined && s.method !== 'GET' && s.method !== 'HEAD';
}

function requestOf(s: Scenario): Request {
  const headers = new Headers();
  if (s.contentType !== undefined) headers.set('content-type', s.contentType);
  return new Request(urlOf(s), {
    method: s.method,
    headers,
    ...(hasBody(s) ? { body: JSON.stringify(s.data) } : {}),
  });
}

function oracleInputOf(s: Scenario, request: Request): OracleInput {
  const headers: Record<string, string> = {
    [AUTH_HEADERS.sdkDate]: formatSdkDate(s.date),
    host: new URL(request.url).host,
  };
  const contentType = request.headers.get('content-type');
  if (contentType !== null) headers['content-type'] = contentType;
  if (s.securityToken !== undefined) headers['X-Security-Token'] = s.securityToken;
  return {
    endpoint: `https://oracle.invalid${rawPathOf(s)}`,
    method: s.method,
    headers,
    queryParams: queryParamsOf(s.pairs),
    ...(hasBody(s) ? { data: s.data } : {}),
  };
}

describe('signRequest against Huawei AKSKSigner.sign', () => {
  it('produces the same Authorization and X-Sdk-Date (1,000 arbitrary requests)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const request = requestOf(s);
        const input = oracleInputOf(s, request);
        // Quirk 2 guards: the oracle must see our raw path unchanged, and the
        // URL must not have resolved "." / ".." segments away.
        fc.pre(legacyUrl.parse(input.endpoint).pathname === rawPathOf(s));
        fc.pre(!s.segments.some((seg) => seg === '.' || seg === '..'));
        fc.pre(sortOrdersAgree(s.pairs)); // quirk 1

        const credentials = {
          accessKey: s.accessKey,
          secretKey: s.secretKey,
          ...(s.securityToken === undefined ? {} : { securityToken: s.securityToken }),
        };
        const ours = await signRequest(request, credentials, s.date);
        const theirs = oracleSign(input, s.accessKey, s.secretKey);

        expect(ours.headers.get(AUTH_HEADERS.sdkDate)).toBe(theirs[AUTH_HEADERS.sdkDate]);
        expect(ours.headers.get(AUTH_HEADERS.authorization)).toBe(theirs.Authorization);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on a non-default port when the oracle reads host from the endpoint', async () => {
    const date = new Date('2006-01-02T15:04:05Z');
    const ours = await signRequest(
      new Request('https://apig.example.com:8443/v1.0/x?b=2&a=1'),
      { accessKey: 'AccessKey', secretKey: 'SecretKey' },
      date,
    );
    const theirs = oracleSign(
      {
        endpoint: 'https://apig.example.com:8443/v1.0/x',
        method: 'GET',
        headers: { [AUTH_HEADERS.sdkDate]: formatSdkDate(date) },
        queryParams: { b: '2', a: '1' },
      },
      'AccessKey',
      'SecretKey',
    );
    expect(ours.headers.get(AUTH_HEADERS.authorization)).toBe(theirs.Authorization);
    expect(theirs.host).toBe('apig.example.com:8443');
  });
});

describe('documented differences from the Node SDK (Go and Python agree with us)', () => {
  const date = new Date('2006-01-02T15:04:05Z');
  const creds = { accessKey: 'AccessKey', secretKey: 'SecretKey' };
  const oracleFor = (endpoint: string, queryParams: Record<string, string | string[]> = {}) =>
    oracleSign(
      {
        endpoint,
        method: 'GET',
        headers: { [AUTH_HEADERS.sdkDate]: formatSdkDate(date), host: 'h' },
        queryParams,
      },
      creds.accessKey,
      creds.secretKey,
    ).Authorization;

  it('quirk 1: sorts query keys by code point, the Node SDK by UTF-16 unit', async () => {
    const emoji = '😀'; // U+1F600, UTF-16 0xD83D 0xDE00
    const bang = '！'; // U+FF01
    const ours = await signRequest(
      new Request(`https://h/?${encodeURIComponent(emoji)}=2&${encodeURIComponent(bang)}=1`),
      creds,
      date,
    );
    const theirs = oracleFor('https://h/', { [emoji]: '2', [bang]: '1' });
    expect(ours.headers.get(AUTH_HEADERS.authorization)).not.toBe(theirs);
    // Without the conflict the two agree.
    const plain = await signRequest(new Request('https://h/?b=2&a=1'), creds, date);
    expect(plain.headers.get(AUTH_HEADERS.authorization)).toBe(
      oracleFor('https://h/', { b: '2', a: '1' }),
    );
  });

  it('quirk 2: decodes the path before encoding, the Node SDK double-encodes', async () => {
    const ours = await signRequest(new Request('https://h/a%20b'), creds, date);
    expect(legacyUrl.parse('https://h/a b').pathname).toBe('/a%20b');
    expect(ours.headers.get(AUTH_HEADERS.authorization)).not.toBe(oracleFor('https://h/a b'));
    // The Node SDK signs /a%2520b/, which is what a raw "a%20b" path means to us.
    const literal = await signRequest(new Request('https://h/a%2520b'), creds, date);
    expect(literal.headers.get(AUTH_HEADERS.authorization)).toBe(oracleFor('https://h/a b'));
  });

  it('quirk 3: drops an explicit default port, as fetch does in the Host header', async () => {
    const ours = await signRequest(new Request('https://h:443/'), creds, date);
    const theirs = oracleSign(
      {
        endpoint: 'https://h:443/',
        method: 'GET',
        headers: { [AUTH_HEADERS.sdkDate]: formatSdkDate(date) },
        queryParams: {},
      },
      creds.accessKey,
      creds.secretKey,
    );
    expect(theirs.host).toBe('h:443');
    expect(ours.headers.get(AUTH_HEADERS.authorization)).not.toBe(theirs.Authorization);
    expect(ours.headers.get(AUTH_HEADERS.authorization)).toBe(oracleFor('https://h/'));
  });
});
