// What sits behind the front when Prism runs as its own process (the
// validating proxy, and the mock's `--examples` and `--dynamic` modes): each
// request forwarded to Prism over kept-alive loopback connections, its
// answer streamed back.
//
// - A Prism that does not answer within `prismTimeoutMs` (hung, stopped)
//   gets the client the operation's documented 5xx (else a 502), and a log line.
// - The proxy's `--record` taps each validated 200; under `--errors` an
//   undocumented status is a violation too.
import {
  Agent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { type OperationId, operations } from '../generated/operations.js';
import { pathOf } from '../src/mock/routes.ts';
import { endToEnd } from './http-support.ts';
import {
  exposed,
  exposingRequestId,
  operationOf,
  sayRefusal,
  sendContractAnswer,
  single,
} from './own-answers.ts';

/** What the front hands a request it lets through. */
export type Behind = (request: IncomingMessage, response: ServerResponse) => void;

export interface PrismChildOptions {
  /** Prism, e.g. `http://127.0.0.1:41234`. */
  target: string;
  /** How long Prism may stay silent on a request; default `defaultPrismTimeoutMs`. */
  prismTimeoutMs?: number;
  /** Where it says what went wrong (Prism stopped answering). */
  onLine?: (line: string) => void;
  /** The mock's own lines: a refusal of the data layer passing through. */
  onMockLine?: (line: string) => void;
  /** Expose the front's `X-Request-Id` in Prism's CORS headers (the mock). */
  requestIds?: boolean;
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

export const defaultPrismTimeoutMs = 30_000;

/** The largest answer `record` is given; a bigger one passes on unrecorded. */
export const maxRecordBytes = 10 * 1024 * 1024;

/** Requests forwarded to the Prism at `options.target`. */
export function behindPrismChild(options: PrismChildOptions): Behind {
  const target = new URL(options.target);
  return (request, response) => forward(request, response, options, target);
}

// Kept-alive connections to Prism. Prism (Node's server) closes an idle one
// after 5 s; one reused at that moment fails with ECONNRESET. Closing ours
// after 4 s idle leaves no such moment, and the one request that still meets
// a closed connection is sent again (every operation is a GET).
const toPrism = new Agent({ keepAlive: true, timeout: 4_000 });

function forward(
  request: IncomingMessage,
  response: ServerResponse,
  options: PrismChildOptions,
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
    const operation = operationOf(pathOf(request.url ?? '/'));
    // Prism's own finding on the upstream's answer, a warning outside 2xx,
    // made an error; not for the guard's own 502/504 (X-Mock-Proxy-Error) nor
    // a 304 (a cache revalidation, no body), which are no answer to judge.
    const judged = status !== 304 && answer.headers['x-mock-proxy-error'] === undefined;
    if (
      options.undocumentedStatusIsViolation &&
      judged &&
      operation !== undefined &&
      single(answer.headers['sl-violations'])?.includes(unmatchedStatus)
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
    sayRefusal(options.onMockLine, request, answer.headers['x-mock-problem']);
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

/** How Prism's validator says an answer's status is not in the document. */
const unmatchedStatus =
  'Unable to match the returned status code with those defined in the document';

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
    message: `${unmatchedStatus}: ${documented} (got ${status})`,
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
