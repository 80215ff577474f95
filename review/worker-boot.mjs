// Starts a worker thread written in TypeScript: Node 20 does not pass tsx's
// loader on to worker threads, so the worker's module is loaded through tsx's
// API (the review only ever runs from a clone, where tsx is installed).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.module, import.meta.url);
