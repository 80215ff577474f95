// `npm run fuzz:hostile`: the long hostile runs against `npm run mock` (data
// mode), which `npm test` only samples. Reports what each run got and the
// resident memory of the mock's processes (ours and Prism's) before and
// after. Exits 1 if the mock stopped answering or answered a hostile request
// with anything but a 4xx.

import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { scriptArgs } from '../lib/script.ts';
import { startMock } from '../mock/start-mock.ts';
import { AUTH_HEADERS } from '../src/auth/auth-headers.ts';
import dataset from '../src/mock/dataset.json' with { type: 'json' };
import { checkDataset } from '../src/mock/dataset.ts';

scriptArgs(
  `Usage: npm run fuzz:hostile [--verbose]\n\nThe long hostile runs against the mock, then bench/hostile-inputs.ts (hostile contracts, gzip bombs).\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run fuzz:hostile`,
);

const list = '/v1.0/apigw/purchases/groups';
const data = checkDataset(dataset, 'src/mock/dataset.json');
const mock = await startMock({ mode: 'data', host: '127.0.0.1', data });
const { hostname, port } = new URL(mock.url);
const prismPid = mock.pid;
const problems: string[] = [];

const rssOf = (pid: number | undefined): string => {
  if (pid === undefined) return '–';
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return `${(kb / 1024).toFixed(0)} MB`;
  } catch {
    return '–';
  }
};
// Data mode runs Prism's validators in this process: one figure, unless a Prism child exists.
const memory = () =>
  prismPid === undefined
    ? `ours (Prism in process) ${rssOf(process.pid)}`
    : `ours ${rssOf(process.pid)}, Prism ${rssOf(prismPid)}`;

/** One raw request; resolves with the status line's code (0: no answer). */
function raw(head: string, body = '', timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${head}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
      if (body !== '') socket.write(body, () => undefined);
    });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.setTimeout(timeoutMs, () => socket.destroy());
  });
}

async function stillUp(): Promise<boolean> {
  const started = Date.now();
  const response = await fetch(`${mock.url}${list}?page_size=1`, {
    headers: { [AUTH_HEADERS.token]: 't' },
    signal: AbortSignal.timeout(2_000),
  }).catch(() => undefined);
  await response?.body?.cancel();
  return response?.status === 200 && Date.now() - started < 2_000;
}

console.log(`mock at ${mock.url}; memory before: ${memory()}`);

// 1. 2,000 hostile requests, 20 at a time.
const escapes = ['%ZZ', '%', '%FF', '%C0%AF', '%ED%A0%80', '%E4%B8', '%%', '%0', '%u0041'];
const hostile = (n: number): [string, string] => {
  const sequence = escapes[n % escapes.length] ?? '%';
  switch (n % 6) {
    case 0:
      return [`GET ${list}/${sequence} HTTP/1.1\r\n${AUTH_HEADERS.token}: t`, ''];
    case 1:
      return [
        `GET ${list}?group_name=${sequence}&page_no=${sequence} HTTP/1.1\r\n${AUTH_HEADERS.token}: t`,
        '',
      ];
    case 2:
      return [`GET ${list}/${sequence}${'a'.repeat(n % 300)} HTTP/1.1`, ''];
    case 3:
      return [
        `GET ${list} HTTP/1.1\r\n${AUTH_HEADERS.token}: t\r\nContent-Length: 5000`,
        'x'.repeat(5000),
      ];
    case 4:
      return [
        `GET ${list}?page_size=9999${'9'.repeat(n % 40)} HTTP/1.1\r\n${AUTH_HEADERS.token}: t`,
        '',
      ];
    default:
      return [
        `GET ${list}?page_size=-${n} HTTP/1.1\r\n${AUTH_HEADERS.authorization}: ${sequence}`,
        '',
      ];
  }
};
const statuses = new Map<number, number>();
const started = Date.now();
for (let n = 0; n < 2_000; n += 20) {
  const batch = await Promise.all(Array.from({ length: 20 }, (_, i) => raw(...hostile(n + i))));
  for (const status of batch) statuses.set(status, (statuses.get(status) ?? 0) + 1);
}
const summary = [...statuses].map(([status, count]) => `${status}×${count}`).join(' ');
console.log(`2,000 hostile requests in ${Date.now() - started} ms: ${summary}`);
if ([...statuses.keys()].some((status) => status < 400 || status >= 500)) {
  problems.push(`hostile requests answered outside 4xx: ${summary}`);
}
if (!(await stillUp())) problems.push('the mock stopped answering after the hostile requests');

// 2. Slowloris: 200 connections sending a header byte every 500 ms.
const slow: Socket[] = [];
let closedByServer = 0;
for (let i = 0; i < 200; i += 1) {
  const socket = connect(Number(port), hostname, () => socket.write(`GET ${list} HTTP/1.1\r\n`));
  socket.on('error', () => undefined);
  socket.once('end', () => {
    closedByServer += 1;
  });
  socket.resume();
  slow.push(socket);
}
const drip = setInterval(() => {
  for (const socket of slow) if (!socket.destroyed) socket.write('X');
}, 500);
await new Promise((resolve) => setTimeout(resolve, 3_000));
const upDuring = await stillUp();
await new Promise((resolve) => setTimeout(resolve, 9_000));
clearInterval(drip);
for (const socket of slow) socket.destroy();
console.log(
  `slowloris, 200 connections for 12 s: normal requests ${upDuring ? 'answered' : 'NOT answered'} meanwhile; ${closedByServer} of 200 closed by the server (headers timeout 10 s)`,
);
if (!upDuring) problems.push('slowloris starved normal requests');

// 3. Eight 10 MB bodies at once: refused before they are read.
const bodyStart = Date.now();
const big = 'x'.repeat(10 * 1024 * 1024);
const bodies = await Promise.all(
  Array.from({ length: 8 }, () =>
    raw(`GET ${list} HTTP/1.1\r\n${AUTH_HEADERS.token}: t\r\nContent-Length: ${big.length}`, big),
  ),
);
console.log(`8 × 10 MB bodies on GET: ${bodies.join(', ')} in ${Date.now() - bodyStart} ms`);
if (bodies.some((status) => status !== 400)) problems.push(`bodies answered ${bodies.join(', ')}`);
if (!(await stillUp())) problems.push('the mock stopped answering after the big bodies');

console.log(`memory after: ${memory()}`);
await mock.stop();
if (problems.length > 0) {
  console.error(problems.map((problem) => `FAILED: ${problem}`).join('\n'));
  process.exit(1);
}
console.log('Every hostile request got a 4xx, and the mock kept answering.');
