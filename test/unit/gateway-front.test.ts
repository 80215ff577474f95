// The mock's front server (mock/gateway-server.ts) in process, against a fake
// Prism on 127.0.0.1 that closes a kept-alive connection when it is reused:
// the race a loaded machine hits when Prism closes an idle connection just as
// the front sends on it (found by the flake hunt: a 502 in the property test).
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { behindPrismChild } from '../../mock/behind-prism-child.ts';
import { type Front, startFront } from '../../mock/gateway-server.ts';

let prism: Server | undefined;
let front: Front | undefined;
afterEach(async () => {
  await front?.close();
  prism?.closeAllConnections();
  await new Promise((resolve) => prism?.close(resolve));
});

/** A Prism that answers the first request of each connection and resets any later one. */
async function resettingPrism() {
  const served = new WeakMap<Socket, number>();
  let resets = 0;
  prism = createServer((request, response) => {
    const count = (served.get(request.socket) ?? 0) + 1;
    served.set(request.socket, count);
    if (count > 1) {
      resets += 1;
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ total: 0, size: 0, purchases: [] }));
  });
  prism.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => prism?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(prism.address() as AddressInfo).port}`, resets: () => resets };
}

describe('the front server', () => {
  it('sends a GET again once when Prism closed the kept-alive connection under it', async () => {
    const upstream = await resettingPrism();
    front = await startFront({
      host: '127.0.0.1',
      port: 0,
      behind: behindPrismChild({ target: upstream.url }),
    });
    for (let i = 0; i < 5; i += 1) {
      const answer = await fetch(`${front.url}/v1.0/apigw/purchases/groups`, {
        headers: { 'X-Auth-Token': 'any' },
      });
      expect(answer.status).toBe(200);
      await answer.text();
    }
    // Every request after the first met a reused connection that Prism reset.
    expect(upstream.resets()).toBeGreaterThan(0);
  });
});
