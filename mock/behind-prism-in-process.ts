// What sits behind the front in the mock's data mode: Prism's router and
// validators in this process (prism-in-process.ts) with the shared core
// (src/mock/answer-request.ts) answering from the dataset, written back as
// Prism's HTTP server writes its answers (its CORS headers, `sl-violations`,
// problem+json), and Prism's 422 for a request that breaks the contract as
// the contract's 400, its violations kept in `sl-violations`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdHeader } from '../generated/operations.js';
import { type AnswerOptions, answer } from '../src/mock/answer-request.ts';
import { pathOf } from '../src/mock/routes.ts';
import type { Behind } from './behind-prism-child.ts';
import {
  exposingRequestId,
  headerReader,
  operationOf,
  sayRefusal,
  sendContractAnswer,
  single,
} from './own-answers.ts';
import type { EnforcedAnswer, PrismInProcess } from './prism-in-process.ts';

export interface InProcessOptions extends AnswerOptions {
  prism: PrismInProcess;
  /** The mock's own lines: a refusal of the data layer. */
  onMockLine?: (line: string) => void;
  /** Say it when the data layer or Prism fails (a bug, not a request's fault). */
  onLine?: (line: string) => void;
}

export function behindPrismInProcess(options: InProcessOptions): Behind {
  return (request, response) => {
    // Prism's CORS (`--cors`, on by default): a preflight is answered at once.
    if (
      request.method === 'OPTIONS' &&
      request.headers.origin &&
      request.headers['access-control-request-method']
    ) {
      response.writeHead(204, {
        ...corsOf(request),
        'Access-Control-Allow-Methods':
          single(request.headers['access-control-request-method']) ?? '',
        Vary: 'origin',
        'Content-Length': '0',
      });
      response.end();
      return;
    }
    const headers = headerReader(request);
    const input = {
      method: request.method ?? 'GET',
      target: request.url ?? '/',
      headers: request.headers,
    };
    options.prism
      .handle(input, (url) => answer({ url, headers }, options))
      .then(
        (enforced) => send(request, response, enforced, options),
        (error: unknown) => {
          options.onLine?.(
            `mock: ${request.method} ${request.url?.slice(0, 200)} failed: ${String(error)}`,
          );
          if (response.headersSent) return response.destroy();
          response.writeHead(500, {
            'Content-Type': 'application/problem+json',
            ...corsOf(request),
          });
          response.end(
            JSON.stringify({
              type: 'https://stoplight.io/prism/errors#UNKNOWN',
              title: 'The mock failed',
              status: 500,
            }),
          );
        },
      );
  };
}

/** Prism's headers on every answer (prism-http-server's setCommonCORSHeaders). */
function corsOf(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': single(request.headers.origin) ?? '*',
    'access-control-allow-headers':
      single(request.headers['access-control-request-headers']) ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers':
      single(request.headers['access-control-expose-headers']) ?? '*',
  };
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  enforced: EnforcedAnswer,
  options: InProcessOptions,
): void {
  if (response.destroyed) return;
  const origin = single(request.headers.origin);
  if (enforced.status === 422) {
    // Prism's 422 problem+json (request violations) as the contract's 400.
    const problem = JSON.parse(enforced.body) as { validation?: unknown };
    const operation = operationOf(pathOf(request.url ?? '/'));
    const violations = JSON.stringify(problem.validation ?? []);
    sendContractAnswer(response, {
      operation,
      status: 400,
      origin,
      extra: { 'sl-violations': violations },
    });
    return;
  }
  sayRefusal(options.onMockLine, request, enforced.headers['x-mock-problem']);
  // The front's own request id stands: the data layer's is dropped.
  const { [requestIdHeader.toLowerCase()]: _theirs, ...headers } = enforced.headers;
  response.writeHead(
    enforced.status,
    exposingRequestId({
      ...corsOf(request),
      ...headers,
      'content-length': Buffer.byteLength(enforced.body),
    }),
  );
  response.end(enforced.body);
}
