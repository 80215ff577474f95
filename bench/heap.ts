// Heap growth over 100,000 client calls (`heap.ts token|aksk`) against the
// local seed server (chunked answers, the framing that reads the body in
// pieces), and what is left behind: after a forced GC, the heap should be
// where it was, with no timer or abort listener still registered.
// Run as its own process (bench/run.ts does), because it needs --expose-gc.
import { getEventListeners } from 'node:events';
import { isMain } from '../lib/is-main.ts';
import { AKSK, TOKEN } from './calls.ts';
import { loadPackage } from './support/package.ts';
import { startSeedServer } from './support/start-seed-server.ts';

export interface HeapResult {
  calls: number;
  /** heapUsed after the calls minus before, both after a full GC. */
  growthBytes: number;
  /** Timers still pending once the calls are over (ours would show here). */
  timersLeft: number;
  /** Listeners left on the caller's AbortSignal passed to every call. */
  abortListenersLeft: number;
}

const CALLS = 100_000;
const WARM_UP = 5_000;

function collectedHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('bench/heap.ts needs node --expose-gc');
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

const pendingTimers = () =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

export async function benchHeap(kind: 'token' | 'aksk'): Promise<HeapResult> {
  const { createPurchasesClient } = await loadPackage();
  const server = await startSeedServer({ framing: 'chunked' });
  try {
    const credentials = kind === 'aksk' ? AKSK : { token: TOKEN };
    const client = createPurchasesClient({ baseUrl: server.url, credentials });
    const caller = new AbortController();
    const call = () => client.listPurchasedGroups({ page_size: 20 }, { signal: caller.signal });
    for (let i = 0; i < WARM_UP; i += 1) await call();
    const before = collectedHeap();
    const timersBefore = pendingTimers();
    for (let i = 0; i < CALLS; i += 1) await call();
    const after = collectedHeap();
    return {
      calls: CALLS,
      growthBytes: after - before,
      timersLeft: pendingTimers() - timersBefore,
      abortListenersLeft: getEventListeners(caller.signal, 'abort').length,
    };
  } finally {
    server.stop();
  }
}

if (isMain(import.meta.url)) {
  console.log(JSON.stringify(await benchHeap(process.argv[2] === 'token' ? 'token' : 'aksk')));
}
