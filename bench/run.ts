// `npm run bench`: the client's figures against their goals, each measured
// side by side in this one process, printed as Markdown for the README.
// Never a test: speed is reported, not asserted.
import { cpus } from 'node:os';
import { benchBundleSize } from './bundle-size.ts';
import { benchClientOverhead } from './client-overhead.ts';
import { benchSignVsHuawei } from './sign-vs-huawei.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (ratio: number, goal: number) => (ratio <= goal ? 'met' : 'missed');

console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`);

const overhead = await benchClientOverhead();
console.log(
  '| Call (loopback node:http server, seed list) | client µs | raw fetch µs | ratio | goal |',
);
console.log('|---|---:|---:|---:|---|');
for (const row of overhead) {
  console.log(
    `| ${row.name} | ${row.clientMicros.toFixed(1)} | ${row.fetchMicros.toFixed(1)} | ${row.ratio.toFixed(3)}× | ≤ ${row.goal}× (${verdict(row.ratio, row.goal)}) |`,
  );
}

const sign = await benchSignVsHuawei();
console.log('\n| Signer throughput (same 200 requests) | ours | Huawei AKSKSigner.sign | ratio |');
console.log('|---|---:|---:|---:|');
console.log(
  `| ${sign.name} | ${Math.round(sign.ours)} ${sign.unit} | ${Math.round(sign.theirs)} ${sign.unit} | ${sign.ratio.toFixed(2)}× |`,
);

const size = await benchBundleSize();
console.log('\n| Browser bundle (esbuild, minified) | minified | gzip -9 |');
console.log('|---|---:|---:|');
for (const row of size.rows)
  console.log(`| ${row.what} | ${kb(row.minifiedBytes)} | ${kb(row.gzipBytes)} |`);
console.log(
  `| @huaweicloud/huaweicloud-sdk-core, installed (Node only) | ${kb(size.huaweiOwnBytes)} itself, ${kb(size.huaweiInstalledBytes)} with its dependencies | |`,
);
