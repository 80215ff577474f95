// The answers the mock's own servers give themselves (not Prism's): the
// contract's example for a status, and an answer the gate made, with CORS as
// Prism gives it, so that a page on another origin can read them.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type OperationId, requestIdHeader } from '../generated/operations.js';
import { documented, type MockAnswer } from '../src/mock/answer-request.ts';
import { route } from '../src/mock/routes.ts';

/** One header value of a request (repeated ones joined), or null. */
export const single = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

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

export /** An answer the gate made (a 401, a fault, the mock's own 400), with CORS as Prism gives it. */
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
