// The answers the mock's own servers give themselves (not Prism's): the
// contract's example for a status, and an answer the gate made, with CORS as
// Prism gives it, so that a page on another origin can read them.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type OperationId, requestIdHeader } from '../generated/operations.js';
import { documented, type MockAnswer } from '../src/mock/answer-request.ts';
import { route } from '../src/mock/routes.ts';

/** One header value of a request (repeated ones joined), or null. */
export const single = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

/** A request's headers as the shared core reads them (`get`, any case). */
export const headerReader = (request: IncomingMessage) => ({
  get: (name: string) => single(request.headers[name.toLowerCase()]),
});

/** The operation of the table a path is, if any (its 400s and 5xx are that operation's). */
export const operationOf = (pathname: string): OperationId | undefined => route(pathname).operation;

export interface OwnAnswer {
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
export const exposed = `X-Mock-Problem, X-Mock-Fault, sl-violations, ${requestIdHeader}`;

/** The contract's first example for a status, as JSON. */
export function sendContractAnswer(response: ServerResponse, own: OwnAnswer): void {
  const example = documented(own.operation, String(own.status))?.value;
  sendJson(response, own.status, example ?? null, own.origin, {
    'Content-Type': 'application/json',
    ...(own.problem === undefined ? {} : { 'X-Mock-Problem': own.problem }),
    ...(own.close ? { Connection: 'close' } : {}),
    ...own.extra,
  });
}

/** An answer the gate made (a 401, a fault, the mock's own 400); the front's request id stands. */
export function sendMockAnswer(
  response: ServerResponse,
  answer: MockAnswer,
  origin: string | null,
): void {
  if (response.destroyed) return;
  const { [requestIdHeader]: _ours, ...headers } = answer.headers;
  sendJson(response, answer.status, answer.body, origin, headers);
}

/** A JSON body with the CORS a page on another origin needs to read it, as Prism gives it. */
function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  origin: string | null,
  headers: OutgoingHttpHeaders,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Length': Buffer.byteLength(text),
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': exposed,
    Vary: 'Origin',
  });
  response.end(text);
}

/** Prism's answer headers (lower-case names), its CORS exposing the request id too (a page reads it). */
export function exposingRequestId(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  if (headers['access-control-allow-origin'] === undefined) return headers;
  const exposed = headers['access-control-expose-headers'];
  if (exposed !== undefined && String(exposed).trim() === '*') return headers;
  const list = exposed === undefined ? requestIdHeader : `${String(exposed)}, ${requestIdHeader}`;
  return { ...headers, 'access-control-expose-headers': list };
}

/** The data layer's refusal (its `X-Mock-Problem`), as one line of the mock's log. */
export function sayRefusal(
  say: ((line: string) => void) | undefined,
  request: IncomingMessage,
  problem: unknown,
): void {
  if (say && typeof problem === 'string') {
    say(`mock: ${request.method} ${request.url?.slice(0, 200)}: refused: ${problem}`);
  }
}
