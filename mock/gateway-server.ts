// The server a client talks to in `npm run mock` (and, with its upstream
// guard, `npm run mock:proxy`): ours, in front of Prism, because some
// requests must never reach Prism and some answers are ours to give.
//
// - A body on these GETs is refused (400) before it is read, before
//   anything else.
// - A path or query whose percent-escapes do not decode is answered 400
//   with the contract's APIG body: Prism 5.14–5.16 crashes on them
//   (`URIError: URI malformed` in getPathParams), taking the mock down.
// - Missing credentials get the contract's 401 (Prism's own would be a
//   problem+json in proxy mode).
// - With `requestViolations: 'apig-400'`, Prism's 422 for a request that
//   breaks the contract becomes the contract's 400, its violations kept in
//   `sl-violations`.
// Everything else is forwarded to Prism and its answer streamed back. A
// Prism that does not answer within `prismTimeoutMs` (hung, stopped) gets
// the client the operation's documented 5xx (else a 502), and a log line.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { OperationId } from '../generated/operations.js';
import { operations, requestIdHeader } from '../generated/operations.js';
import { documented, hasCredentials, type MockAnswer } from '../src/mock/answer-request.ts';
import type { Gate } from '../src/mock/network-gate.ts';
import { newRequestId } from '../src/mock/request-id.ts';
import { decodes, pathOf, route } from '../src/mock/routes.ts';
import { type HomePage, sendHomePage } from './home-page.ts';
import { endToEnd, type Listening, listen } from './http-support.ts';

export interface FrontOptions {
  host: string;
  port: number;
  /** Prism, e.g. `http://127.0.0.1:41234`. */
  target: string;
  /** Turn Prism's 422 (request violations, proxy mode) into the contract's 400. */
  requestViolations?: 'apig-400' | 'pass';
  /** How long Prism may stay silent on a request; default `defaultPrismTimeoutMs`. */
  prismTimeoutMs?: number;
  /** Where the front says what went wrong (Prism stopped answering). */
  onLine?: (line: string) => void;
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
  /**
   * The proxy's `--record`: each 200 of an operation that Prism passed
   * without an error-severity violation, its body parsed (up to `maxRecordBytes`).
   */
  record?: (operation: OperationId, body: unknown) => void;
  /**
   * The proxy under `--errors`: an answer with a status the operation does not
   * document is a violation too (a 500 problem+json), not a warning let through.
   */
  undocumentedStatusIsViolation?: boolean;
}

/** The largest answer `record` is given; a bigger one passes on unrecorded. */
export const maxRecordBytes = 10 * 1024 * 1024;

export const defaultPrismTimeoutMs = 30_000;

export type Front = Listening;

export async function startFront(options: FrontOptions): Promise<Front> {
  const target = new URL(options.target);
  // Timeouts are checked every second (Node's default: every 30 s).
  const server: Server = createServer(
    { connectionsCheckingInterval: 1_000 },
    (request, response) => {
      // Every answer carries one, as APIG's do: Prism's, the mock's own, the refusals.
      if (options.requestIds) response.setHeader(requestIdHeader, newRequestId());
      handle(request, response, options, target);
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

/** The operation of the table a path is, if any (its 400s and 5xx are that operation's). */
const operationOf = (pathname: string): OperationId | undefined => route(pathname).operation;

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: FrontOptions,
  target: URL,
): void {
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
    forward(request, response, options, target);
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
  const headers = { get: (name: string) => single(request.headers[name.toLowerCase()]) };
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
        afterDelay(request, response, outcome.delayMs, () => {
          const { verdict } = outcome;
          if (verdict.kind === 'pass') forward(request, response, options, target);
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
  forward(request, response, options, target);
}

/** Runs `then` after `ms`, unless the client has gone by then. */
function afterDelay(
  request: IncomingMessage,
  response: ServerResponse,
  ms: number,
  then: () => void,
): void {
  if (ms <= 0) {
    then();
    return;
  }
  const timer = setTimeout(then, ms);
  response.once('close', () => clearTimeout(timer));
  request.socket.once('close', () => clearTimeout(timer));
}

/** An answer the gate made (a 401, a fault, the mock's own 400), with CORS as Prism gives it. */
function sendMockAnswer(response: ServerResponse, answer: MockAnswer, origin: string | null): void {
  if (response.destroyed) return;
  const text = JSON.stringify(answer.body);
  const { [requestIdHeader]: _ours, ...headers } = answer.headers;
  response.writeHead(answer.status, {
    ...headers,
    'Content-Length': Buffer.byteLength(text),
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': exposed,
    Vary: 'Origin',
  });
  response.end(text);
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

const single = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

interface OwnAnswer {
  operation: OperationId | undefined;
  status: number;
  /** The request's Origin: echoed, as Prism does, so a page on another origin reads the body. */
  origin: string | null;
  /** Why, in `X-Mock-Problem`. */
  problem?: string;
  /** Close the connection: the request body, if any, is never read. */
  close?: boolean;
  extra?: OutgoingHttpHeaders;
}

/** What a page on another origin may read of the mock's own answers. */
const exposed = `X-Mock-Problem, X-Mock-Fault, sl-violations, ${requestIdHeader}`;

/** The contract's first example for a status, as JSON. */
function sendContractAnswer(response: ServerResponse, own: OwnAnswer): void {
  const example = documented(own.operation, String(own.status))?.value;
  const text = JSON.stringify(example ?? null);
  response.writeHead(own.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Access-Control-Allow-Origin': own.origin ?? '*',
    'Access-Control-Expose-Headers': exposed,
    Vary: 'Origin',
    ...(own.problem === undefined ? {} : { 'X-Mock-Problem': own.problem }),
    ...(own.close ? { Connection: 'close' } : {}),
    ...own.extra,
  });
  response.end(text);
}

// Kept-alive connections to Prism. Prism (Node's server) closes an idle one
// after 5 s; one reused at that moment fails with ECONNRESET. Closing ours
// after 4 s idle leaves no such moment, and the one request that still meets
// a closed connection is sent again (every operation is a GET).
const toPrism = new Agent({ keepAlive: true, timeout: 4_000 });

function forward(
  request: IncomingMessage,
  response: ServerResponse,
  options: FrontOptions,
  target: URL,
  retried = false,
): void {
  const headers = endToEnd(request.headers);
  const upstream = httpRequest({
    host: target.hostname,
    port: target.port,
    method: request.method,
    path: request.url,
    headers,
    agent: toPrism,
  });
  upstream.on('response', (answer) => {
    const status = answer.statusCode ?? 502;
    const pathname = pathOf(request.url ?? '/');
    if (status === 422 && options.requestViolations === 'apig-400') {
      return translateViolations(answer, response, {
        operation: operationOf(pathname),
        status: 400,
        origin: single(request.headers.origin),
      });
    }
    const operation = operationOf(pathname);
    if (
      options.undocumentedStatusIsViolation &&
      operation !== undefined &&
      !documentsStatus(operation, status)
    ) {
      answer.resume();
      return sendUndocumentedStatus(response, operation, status, {
        violations: single(answer.headers['sl-violations']),
        origin: single(request.headers.origin),
      });
    }
    if (options.record && operation !== undefined && status === 200 && !hasErrors(answer)) {
      tapJson(answer, (body) => options.record?.(operation, body));
    }
    const headers = endToEnd(answer.headers);
    const problem = answer.headers['x-mock-problem'];
    if (options.onMockLine && typeof problem === 'string') {
      options.onMockLine(
        `mock: ${request.method} ${request.url?.slice(0, 200)}: refused: ${problem}`,
      );
    }
    response.writeHead(status, options.requestIds ? exposingRequestId(headers) : headers);
    answer.pipe(response);
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    const closedUnderUs =
      upstream.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
    if (closedUnderUs && !retried && !response.headersSent && request.method === 'GET') {
      forward(request, response, options, target, true);
      return;
    }
    if (response.headersSent) return response.destroy(error);
    response.writeHead(502, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        error_code: 'MOCK.0502',
        error_msg: `Prism did not answer: ${error.message}`,
      }),
    );
  });
  const timeoutMs = options.prismTimeoutMs ?? defaultPrismTimeoutMs;
  upstream.setTimeout(timeoutMs, () => {
    upstream.destroy();
    options.onLine?.(
      `Prism stopped answering: ${request.method} ${request.url} got nothing in ${timeoutMs} ms (--prism-timeout)`,
    );
    if (response.headersSent) return response.destroy();
    const operation = operationOf(pathOf(request.url ?? '/'));
    const statuses = operation === undefined ? [] : Object.keys(operations[operation].statuses);
    const status = statuses.find((code) => code.startsWith('5'));
    const problem = `Prism did not answer within ${timeoutMs} ms`;
    if (status !== undefined) {
      const origin = single(request.headers.origin);
      sendContractAnswer(response, { operation, status: Number(status), origin, problem });
      return;
    }
    response.writeHead(502, { 'Content-Type': 'application/json', 'X-Mock-Problem': problem });
    response.end(JSON.stringify({ error_code: 'MOCK.0502', error_msg: problem }));
  });
  response.on('close', () => upstream.destroy());
  upstream.end();
}

const documentsStatus = (operation: OperationId, status: number): boolean => {
  const { statuses } = operations[operation];
  return String(status) in statuses || 'default' in statuses;
};

/** Whether Prism reported an error-severity violation of the answer (`--report-only` passes it on). */
function hasErrors(answer: IncomingMessage): boolean {
  const violations = single(answer.headers['sl-violations']);
  return violations !== null && /"severity"\s*:\s*"Error"/.test(violations);
}

/** The answer's body as JSON, once it has all passed (nothing if it is too big or not JSON). */
function tapJson(answer: IncomingMessage, then: (body: unknown) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  answer.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxRecordBytes) chunks.push(chunk);
  });
  answer.on('end', () => {
    if (size > maxRecordBytes) return;
    try {
      then(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch {
      // Not JSON: Prism would have reported it; nothing to record.
    }
  });
}

/**
 * A status the operation does not document, as Prism words it (a warning
 * there, for statuses outside 2xx), answered as a violation: Prism's 500
 * problem+json with the finding at Error severity.
 */
function sendUndocumentedStatus(
  response: ServerResponse,
  operation: OperationId,
  status: number,
  { violations, origin }: { violations: string | null; origin: string | null },
): void {
  const documented = Object.keys(operations[operation].statuses).join(',');
  const finding = {
    location: ['response'],
    severity: 'Error',
    message: `Unable to match the returned status code with those defined in the document: ${documented} (got ${status})`,
  };
  const body = JSON.stringify({
    type: 'https://stoplight.io/prism/errors#VIOLATIONS',
    title: 'Request/Response not valid',
    status: 500,
    detail: `The upstream answered ${status}, which ${operation} does not document, and --errors is set (the default), so the proxy is generating this error for you.`,
    validation: [finding],
  });
  response.writeHead(500, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': exposed,
    'sl-violations': violations ?? JSON.stringify([finding]),
  });
  response.end(body);
}

/** Prism's answer headers, its CORS exposing the request id too (a page reads it). */
function exposingRequestId(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  if (headers['access-control-allow-origin'] === undefined) return headers;
  const exposed = headers['access-control-expose-headers'];
  if (exposed !== undefined && String(exposed).trim() === '*') return headers;
  const list = exposed === undefined ? requestIdHeader : `${String(exposed)}, ${requestIdHeader}`;
  return { ...headers, 'access-control-expose-headers': list };
}

/** Prism's 422 problem+json (request violations) as the contract's 400, violations in `sl-violations`. */
function translateViolations(
  answer: IncomingMessage,
  response: ServerResponse,
  own: OwnAnswer,
): void {
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.on('end', () => {
    let violations = '[]';
    try {
      const problem = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        validation?: unknown;
      };
      violations = JSON.stringify(problem.validation ?? []);
    } catch {
      // Not Prism's problem+json: the 400 still stands, without details.
    }
    sendContractAnswer(response, { ...own, extra: { 'sl-violations': violations } });
  });
}
