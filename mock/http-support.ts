// What the mock's own servers share: listening (and closing for good), and
// copying headers across a hop without the hop-by-hop ones.
import { once } from 'node:events';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0: a free port); rejects if the address is taken. */
export async function listen(server: Server, host = '127.0.0.1', port = 0): Promise<Listening> {
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => {
      throw error;
    }),
  ]);
  const address = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${address.port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

// Hop-by-hop headers (RFC 9110, 7.6.1) stay on their own connection; the
// length is recomputed by whoever sends the body on.
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/** The end-to-end headers, for the next hop; `content-length` too unless `dropLength`. */
export function endToEnd(headers: IncomingHttpHeaders, dropLength = false): OutgoingHttpHeaders {
  const copy: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name)) continue;
    if (dropLength && name === 'content-length') continue;
    copy[name] = value;
  }
  return copy;
}
