// Between Prism (in `npm run mock:proxy`) and the real upstream: ours,
// because Prism's proxy follows redirects (taking credentials along), waits
// forever, buffers any size and never answers when an upstream dies mid-body.
//
// - A 3xx is never followed: it becomes a 502 naming the status and the
//   Location's origin, so credentials never leave for another origin.
// - No answer within `timeoutMs` (default 30 s): 504, the upstream request
//   cancelled.
// - A body over `maxBytes` (default 10 MB): 502 as soon as the cap is
//   passed (or announced by Content-Length), the upstream request cancelled.
// - An upstream that closes mid-body, whatever its framing: 502 at once.
// Its own answers are `application/json` bodies `{error_code: "MOCK.05xx",
// error_msg}` with `X-Mock-Proxy-Error` saying what happened.
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { endToEnd, type Listening, listen } from './http-support.ts';

export interface UpstreamGuardOptions {
  /** The real upstream, e.g. `https://apig.cn-north-4.myhuaweicloud.com`. */
  upstream: string;
  timeoutMs: number;
  maxBytes: number;
}

export type UpstreamGuard = Listening;

export async function startUpstreamGuard(options: UpstreamGuardOptions): Promise<UpstreamGuard> {
  const upstream = new URL(options.upstream);
  const server: Server = createServer((request, response) =>
    relay(request, response, upstream, options),
  );
  return listen(server);
}

function fail(response: ServerResponse, status: 502 | 504, kind: string, message: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({ error_code: `MOCK.0${status}`, error_msg: message });
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'X-Mock-Proxy-Error': kind,
  });
  response.end(body);
}

/** Where a redirect pointed, for the message; a Location that is not a URL says so. */
function locationOrigin(location: string | undefined, upstream: URL): string {
  if (!location) return 'no Location';
  return URL.canParse(location, upstream)
    ? new URL(location, upstream).origin
    : 'an unparsable Location';
}

/** A decoder for a compressed answer; null for an encoding this proxy cannot decode. */
function decoderFor(encoding: string): Transform | undefined | null {
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

function parses(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function relay(
  request: IncomingMessage,
  response: ServerResponse,
  upstream: URL,
  options: UpstreamGuardOptions,
): void {
  const headers = endToEnd(request.headers, true);
  // The upstream's own host: what an AK/SK signature signs, what it routes by.
  headers.host = upstream.host;
  // Prism validates the body it gets, so it must get plain bytes: identity is
  // asked of the upstream, and a compressed answer is decoded all the same.
  headers['accept-encoding'] = 'identity';
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const base = upstream.pathname.replace(/\/$/, '');
  let settled = false;
  const outgoing = send({
    protocol: upstream.protocol,
    hostname: upstream.hostname,
    port: upstream.port,
    method: request.method,
    path: `${base}${request.url ?? '/'}`,
    headers,
  });
  const finish = (status: 502 | 504, kind: string, message: string) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    outgoing.destroy();
    fail(response, status, kind, message);
  };
  const timer = setTimeout(
    () => finish(504, 'timeout', `the upstream did not answer within ${options.timeoutMs} ms`),
    options.timeoutMs,
  );
  outgoing.on('error', (error) =>
    finish(502, 'unreachable', `the upstream failed: ${error.message}`),
  );
  outgoing.on('response', (answer) => {
    const status = answer.statusCode ?? 502;
    // 304 Not Modified answers a conditional request: nothing to follow.
    if (status >= 300 && status < 400 && status !== 304) {
      const where = locationOrigin(answer.headers.location, upstream);
      answer.resume();
      return finish(
        502,
        'redirect',
        `the upstream answered ${status} to ${where}; redirects are not followed, so credentials stay with ${upstream.origin}`,
      );
    }
    const announced = Number(answer.headers['content-length']);
    if (announced > options.maxBytes) {
      return finish(
        502,
        'too-large',
        `the upstream body (${announced} bytes) is over the ${options.maxBytes}-byte cap`,
      );
    }
    const encoding = String(answer.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase();
    const decoder = decoderFor(encoding);
    if (decoder === null) {
      answer.resume();
      return finish(
        502,
        'encoding',
        `the upstream answered with Content-Encoding ${JSON.stringify(encoding)}, which the proxy cannot decode`,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    // The cap counts decoded bytes: what Prism and the client would hold.
    const body = decoder === undefined ? answer : answer.pipe(decoder);
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) {
        finish(502, 'too-large', `the upstream body passed the ${options.maxBytes}-byte cap`);
        return;
      }
      chunks.push(chunk);
    });
    answer.on('aborted', () =>
      finish(502, 'cut-off', 'the upstream closed the connection mid-body'),
    );
    answer.on('error', () => finish(502, 'cut-off', 'the upstream closed the connection mid-body'));
    decoder?.on('error', () =>
      finish(502, 'bad-encoding', `the upstream body is not valid ${encoding}`),
    );
    body.on('end', () => {
      if (settled) return;
      if (!answer.complete)
        return finish(502, 'cut-off', 'the upstream closed the connection mid-body');
      settled = true;
      clearTimeout(timer);
      const decoded = Buffer.concat(chunks);
      const passed: OutgoingHttpHeaders = {
        ...endToEnd(answer.headers, true),
        'content-length': decoded.length,
      };
      delete passed['content-encoding'];
      // Prism cannot parse a "JSON" body that is not JSON: it answers its own
      // 500, even with --report-only, naming this server's URL. Labelled as
      // text, the body passes through and the mismatch is reported instead.
      const type = String(answer.headers['content-type'] ?? '');
      if (/json/i.test(type) && decoded.length > 0 && !parses(decoded)) {
        passed['content-type'] = 'text/plain; charset=utf-8';
        passed['x-upstream-content-type'] = type;
        passed['x-mock-proxy-error'] = 'not-json';
      }
      response.writeHead(status, passed);
      response.end(decoded);
    });
  });
  // The caller gave up: so does the upstream request.
  response.on('close', () => {
    if (!settled) {
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
    }
  });
  outgoing.end();
}
