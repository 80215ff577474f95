// The data layer of `npm run mock`: a node:http server on a free 127.0.0.1
// port answering with the shared core (src/mock/answer.ts) from a dataset.
// Prism proxies to it and validates every answer against the contract.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AnswerOptions, answer } from '../src/mock/answer.ts';

export interface DataServer {
  url: string;
  close(): Promise<void>;
}

export async function startDataServer(options: AnswerOptions): Promise<DataServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const headers = { get: (name: string) => headerValue(request.headers[name.toLowerCase()]) };
    const { status, headers: extra, body } = answer({ url, headers }, options);
    const text = JSON.stringify(body);
    response.writeHead(status, { ...extra, 'Content-Length': Buffer.byteLength(text) });
    response.end(text);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const headerValue = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
