// A bare node:http server answering every request with the seed list example.
// Run as its own process by the benchmarks, so its work does not share the
// event loop (or the garbage collector) with the code being measured.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exampleValue } from '../../test/support/contract.ts';

const body = JSON.stringify(exampleValue('seedList'));
const server = createServer((_, response) => {
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  // The parent reads the URL from the first line of stdout.
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0)).resume();
