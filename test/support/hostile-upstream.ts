// An upstream that misbehaves on request, chosen by `group_name`: redirect
// to another origin or to an unparsable Location, stall, stream without end,
// close mid-body, send a huge or a non-JSON body, compress whatever was asked
// (gzip, deflate, br, or a gzip bomb); anything else gets the seed list. It
// records the headers every request arrives with, per origin.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { exampleValue } from './contract.ts';

export interface HostileUpstream {
  url: string;
  /** Requests the redirect target received. */
  elsewhere: IncomingHttpHeaders[];
  /** Headers of every request this upstream received. */
  received: IncomingHttpHeaders[];
  /** Bytes written by the endless stream before it noticed the reader was gone. */
  streamed: () => number;
  close(): Promise<void>;
}

const listen = async (server: Server): Promise<string> => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

export async function startHostileUpstream(): Promise<HostileUpstream> {
  const elsewhere: IncomingHttpHeaders[] = [];
  const other = createServer((request, response) => {
    elsewhere.push(request.headers);
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(exampleValue('seedList')));
  });
  const otherUrl = await listen(other);
  let streamed = 0;
  const seed = JSON.stringify(exampleValue('seedList'));
  const received: IncomingHttpHeaders[] = [];
  const compressed = {
    gzip: gzipSync(seed),
    deflate: deflateSync(seed),
    br: brotliCompressSync(seed),
  };
  // 64 MB of JSON-ish padding in about 64 kB.
  const bomb = gzipSync(`{"total":1,"size":1,"purchases":[],"x":"${'x'.repeat(64 << 20)}"}`);
  const server = createServer((request, response) => {
    received.push(request.headers);
    const behaviour = new URL(request.url ?? '/', 'http://x').searchParams.get('group_name');
    switch (behaviour) {
      case 'redirect':
        response.writeHead(302, { Location: `${otherUrl}/v1.0/apigw/purchases/groups` });
        return response.end();
      case 'bad-location':
        response.writeHead(302, { Location: 'http://[::1' });
        return response.end();
      case 'not-modified':
        // An answer to a conditional request: 3xx, but nothing to follow.
        response.writeHead(304, { ETag: '"seed"' });
        return response.end();
      case 'gzip':
      case 'deflate':
      case 'br':
        // Compressed whatever Accept-Encoding said, as some gateways do.
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Encoding': behaviour,
        });
        return response.end(compressed[behaviour]);
      case 'gzip-bomb':
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': bomb.length,
        });
        return response.end(bomb);
      case 'stall':
        return; // never answers
      case 'endless': {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write('{"total":1,"size":1,"purchases":[');
        const chunk = `${JSON.stringify({ group_name: 'x'.repeat(60_000) })},`;
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) streamed += chunk.length;
          if (!response.destroyed) response.once('drain', pump);
        };
        return pump();
      }
      case 'cut-off':
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
        response.write(seed.slice(0, 100));
        return setTimeout(() => response.socket?.destroy(), 50);
      case 'cut-chunked':
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write(seed.slice(0, 100));
        return setTimeout(() => response.socket?.destroy(), 50);
      case 'not-json':
        response.writeHead(200, { 'Content-Type': 'application/json' });
        return response.end('<html>maintenance</html>');
      default:
        response.writeHead(200, { 'Content-Type': 'application/json' });
        return response.end(seed);
    }
  });
  const url = await listen(server);
  return {
    url,
    elsewhere,
    received,
    streamed: () => streamed,
    close: async () => {
      for (const s of [server, other]) {
        s.closeAllConnections();
        s.close();
      }
    },
  };
}
