// The data layer of `npm run mock`: a node:http server on a free 127.0.0.1
// port answering with the shared core (src/mock/answer-request.ts) from a dataset.
// Prism proxies to it and validates every answer against the contract.
import { createServer, type Server } from 'node:http';
import { type AnswerOptions, answer } from '../src/mock/answer-request.ts';
import { type Listening, listen } from './http-support.ts';

export type DataServer = Listening;

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
  return listen(server);
}

const headerValue = (value: string | string[] | undefined): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
