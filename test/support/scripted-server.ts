// A node:http server on 127.0.0.1 that answers each request with the next
// step of a script: a status and body, a delay, or a dropped connection.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step =
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { destroy: true };

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface ScriptedServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Serves `script` in order; once it runs out, the last step repeats. */
export async function startScriptedServer(script: Step[]): Promise<ScriptedServer> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      at: performance.now(),
    });
    const step = script[Math.min(requests.length, script.length) - 1];
    if (!step || 'destroy' in step) {
      request.socket.destroy();
      return;
    }
    const send = () => {
      const body =
        step.body === undefined
          ? ''
          : typeof step.body === 'string'
            ? step.body
            : JSON.stringify(step.body);
      response.writeHead(step.status, {
        'Content-Type': typeof step.body === 'string' ? 'text/plain' : 'application/json',
        ...step.headers,
      });
      response.end(body);
    };
    if (step.delayMs) {
      const timer = setTimeout(send, step.delayMs);
      response.on('close', () => clearTimeout(timer));
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
