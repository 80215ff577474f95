// The server a client talks to in `npm run mock` (and, with its upstream
// guard, `npm run mock:proxy`): ours, in front of Prism, because some
// requests must never reach Prism and some answers are ours to give.
//
// - A body on these GETs is refused (400) before it is read, before
//   anything else.
// - A path or query whose percent-escapes do not decode is answered 400
//   with the contract's APIG body: Prism 5.14–5.16 crashes on them
//   (`URIError: URI malformed` in getPathParams), taking the mock down.
// - The mock's gate (network-gate.ts) comes next: credentials (the
//   contract's 401, not Prism's problem+json), token lifetimes, signatures,
//   latency and faults. Without a gate (the proxy), missing credentials
//   still get the contract's 401.
// Everything else goes `behind`: Prism in this process (the mock's data
// mode, behind-prism-in-process.ts) or Prism as its own process
// (behind-prism-child.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { requestIdHeader } from '../generated/operations.js';
import { documented, hasCredentials } from '../src/mock/answer-request.ts';
import type { Gate } from '../src/mock/network-gate.ts';
import { newRequestId } from '../src/mock/request-id.ts';
import { decodes, pathOf } from '../src/mock/routes.ts';
import type { Behind } from './behind-prism-child.ts';
import { type HomePage, sendHomePage } from './home-page.ts';
import { type Listening, listen } from './http-support.ts';
import {
  headerReader,
  operationOf,
  sendContractAnswer,
  sendMockAnswer,
  single,
} from './own-answers.ts';

export interface FrontOptions {
  host: string;
  port: number;
  /** Where a request goes once the front lets it through. */
  behind: Behind;
  /**
   * Give every answer an `X-Request-Id`, as APIG does (the mock). The
   * validating proxy passes real traffic on unchanged, and leaves it off.
   */
  requestIds?: boolean;
  /** The mock's own page at `GET /` (the proxy has none: `/` goes upstream). */
  home?: HomePage;
  /**
   * The mock's gateway checks and network profile (network-gate.ts): 401s,
   * signatures, latency, faults. Without one (the proxy), only missing
   * credentials get the contract's 401.
   */
  gate?: Gate;
  /** The mock's own lines (injected delays and faults, its refusals): always shown. */
  onMockLine?: (line: string) => void;
}

export type Front = Listening;

export async function startFront(options: FrontOptions): Promise<Front> {
  // Timeouts are checked every second (Node's default: every 30 s).
  const server: Server = createServer(
    { connectionsCheckingInterval: 1_000 },
    (request, response) => {
      // Every answer carries one, as APIG's do: Prism's, the mock's own, the refusals.
      if (options.requestIds) response.setHeader(requestIdHeader, newRequestId());
      handle(request, response, options);
    },
  );
  // Slow or half-open clients cannot hold sockets for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    // Node's parser refuses raw non-ASCII bytes in the request line (curl
    // sends `?group_name=查询` as is): answer with the contract's 400 body and
    // say how to send it, instead of an empty 400.
    const problem =
      error.code === 'HPE_INVALID_URL'
        ? 'the request line has a raw non-ASCII character: percent-encode it as UTF-8 (group_name=%E6%9F%A5%E8%AF%A2)'
        : 'the request could not be parsed as HTTP/1.1';
    const body = JSON.stringify(documented(undefined, '400')?.value ?? null);
    socket.end(
      [
        'HTTP/1.1 400 Bad Request',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Mock-Problem: ${problem}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
  return listen(server, options.host, options.port);
}

function handle(request: IncomingMessage, response: ServerResponse, options: FrontOptions): void {
  const rawUrl = request.url ?? '/';
  const pathname = pathOf(rawUrl);
  const operation = operationOf(pathname);
  const origin = single(request.headers.origin);
  const refuse = (status: number, problem: string) =>
    sendContractAnswer(response, { operation, status, origin, problem, close: true });

  if (hasBody(request)) {
    refuse(400, 'these GET operations take no request body');
    return;
  }
  if (!decodes(rawUrl)) {
    refuse(400, 'the URL has a malformed percent-escape');
    return;
  }
  if (request.method === 'OPTIONS') {
    options.behind(request, response);
    return;
  }
  if (options.home && pathname === '/' && request.method === 'GET') {
    const host = single(request.headers.host) ?? 'localhost';
    sendHomePage(
      response,
      options.home,
      `http://${host}`,
      single(request.headers.accept) ?? undefined,
    );
    return;
  }
  const headers = headerReader(request);
  if (operation !== undefined && options.gate !== undefined) {
    const checked = {
      operation,
      method: request.method ?? 'GET',
      target: rawUrl,
      host: single(request.headers.host) ?? '',
      headers,
    };
    void options.gate.check(checked).then(
      (outcome) => {
        afterDelay(response, outcome.delayMs, () => {
          const { verdict } = outcome;
          if (verdict.kind === 'pass') options.behind(request, response);
          else if (verdict.kind === 'reset') request.socket.destroy();
          else if (verdict.kind === 'answer') sendMockAnswer(response, verdict.answer, origin);
          // 'timeout': nothing is ever sent; the client gives up and closes.
        });
      },
      (error: unknown) => {
        options.onMockLine?.(
          `mock: the gate failed on ${request.method} ${pathname}: ${String(error)}`,
        );
        if (!response.headersSent) sendContractAnswer(response, { operation, status: 500, origin });
      },
    );
    return;
  }
  // Every operation of the table needs credentials; other paths go to Prism (its 404).
  if (operation !== undefined && !hasCredentials(headers)) {
    sendContractAnswer(response, { operation, status: 401, origin });
    return;
  }
  options.behind(request, response);
}

/** Runs `then` after `ms`, unless the client has gone by then. */
function afterDelay(response: ServerResponse, ms: number, then: () => void): void {
  if (ms <= 0) {
    then();
    return;
  }
  // A response closes with its connection: one listener, none left on a kept-alive socket.
  const timer = setTimeout(then, ms);
  response.once('close', () => clearTimeout(timer));
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}
