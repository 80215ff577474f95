// A bench server in its own process (`seed-server.ts <framing>`), so its work
// shares neither the event loop nor the garbage collector with the code
// being measured. The parent reads the URL from the first line of stdout.
import type { AddressInfo } from 'node:net';
import { FRAMINGS, type Framing, seedServer } from './seed-answer.ts';

const framing = (process.argv[2] ?? 'content-length') as Framing;
if (!FRAMINGS.includes(framing)) {
  console.error(`usage: seed-server.ts <${FRAMINGS.join('|')}>`);
  process.exit(2);
}
const server = seedServer(framing);
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0)).resume();
