// The client's figures on the Node running this script: every call variant,
// the signers, and heap growth (in its own process, for --expose-gc).
// `--json` prints one JSON object for bench/report.ts; otherwise a table.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchCalls, type CallCell } from './calls.ts';
import type { HeapResult } from './heap.ts';
import { benchSignVsHuawei, type SignBenchResult } from './sign-vs-huawei.ts';

export interface NodeFigures {
  node: string;
  cpu: string;
  calls: CallCell[];
  signers: SignBenchResult[];
  heap: Record<'token' | 'aksk', HeapResult>;
}

function benchHeapInChild(kind: 'token' | 'aksk'): HeapResult {
  const script = fileURLToPath(new URL('./heap.ts', import.meta.url));
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, kind], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench/heap.ts exited with ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as HeapResult;
}

const figures: NodeFigures = {
  node: process.version,
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
  calls: await benchCalls(),
  signers: await benchSignVsHuawei(),
  heap: { token: benchHeapInChild('token'), aksk: benchHeapInChild('aksk') },
};

if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
else console.dir(figures, { depth: 3 });
