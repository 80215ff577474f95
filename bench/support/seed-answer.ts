// The answer every bench server gives: the seed list example, framed one of
// the two ways gateways send it (a Content-Length, or chunked with none).
import { createServer, type Server } from 'node:http';
import { exampleValue } from '../../test/support/contract.ts';

export const FRAMINGS = ['content-length', 'chunked'] as const;
export type Framing = (typeof FRAMINGS)[number];

const body = JSON.stringify(exampleValue('seedList'));

/** A node:http server answering every request with the seed list in `framing`. */
export function seedServer(framing: Framing): Server {
  const server = createServer((_, response) => {
    if (framing === 'content-length') {
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      });
      response.end(body);
    } else {
      // Two writes and no length: node:http sends Transfer-Encoding: chunked.
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write(body.slice(0, 64));
      response.end(body.slice(64));
    }
  });
  server.keepAliveTimeout = 60_000;
  return server;
}
