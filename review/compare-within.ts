// Runs the comparison and the translation check (comparison-worker.ts) in a
// worker thread that the review's deadline terminates: synchronous work on
// the main thread could not be stopped by an AbortSignal, so a hostile
// contract could hold the review far past --timeout. Within the thread the
// work budget (lib/work-budget.ts) ends a run-away comparison sooner, with
// a message naming it.
import { Worker } from 'node:worker_threads';
import type { JsonObject } from '../lib/json.ts';
import type { Change } from './change.ts';
import type { CompareOptions } from './compare.ts';
import { CannotReview } from './errors.ts';
import type { SourceFiles } from './locate.ts';

export interface ComparisonInput {
  base: JsonObject;
  head: JsonObject;
  /** The work tree: the head's translation overlays are read there. */
  top: string;
  /** Schema visits and value comparisons the comparison may spend. */
  maxWork: number;
  options: CompareOptions;
  /** The files each side was bundled from: changes are located in them. */
  sources: { base: SourceFiles; head: SourceFiles };
}

export type ComparisonOutcome =
  | { ok: true; changes: Change[] }
  | { ok: false; cannotReview: boolean; message: string };

/** A worker that has started loading the comparer, waiting for the two contracts. */
export interface PendingComparison {
  /** Hands the worker one side's files, to parse while the contracts are bundled. */
  prepare(side: 'base' | 'head', files: SourceFiles): void;
  /** The changes and the translation findings, or a CannotReview when the deadline or the budget ended the work. */
  run(input: ComparisonInput, deadline: AbortSignal): Promise<Change[]>;
}

/**
 * Starts the worker now, so that loading the comparer (about 0.3 s) overlaps
 * the bundling of the contracts; `run` hands it the two contracts.
 */
export function startComparison(): PendingComparison {
  const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
    workerData: { module: new URL('./comparison-worker.ts', import.meta.url).href },
  });
  // Until run() is called nothing waits on it: the process may exit without it.
  worker.unref();
  let failed: unknown;
  worker.once('error', (error) => {
    failed = error;
  });
  return {
    prepare: (side, files) => worker.postMessage({ kind: 'sources', side, files }),
    run: (input, deadline) =>
      new Promise((resolve, reject) => {
        if (failed !== undefined) {
          reject(failed);
          return;
        }
        worker.ref();
        const stop = () => void worker.terminate();
        if (deadline.aborted) stop();
        deadline.addEventListener('abort', stop, { once: true });
        const settle = () => deadline.removeEventListener('abort', stop);
        worker.once('message', (outcome: ComparisonOutcome) => {
          settle();
          void worker.terminate();
          if (outcome.ok) resolve(outcome.changes);
          else if (outcome.cannotReview) reject(new CannotReview(outcome.message));
          else reject(new Error(outcome.message));
        });
        worker.once('error', (error) => {
          settle();
          reject(error);
        });
        worker.once('exit', () => {
          settle();
          // Terminated by the deadline: the deadline's own rejection says so (cli.ts).
          reject(new CannotReview('the comparison stopped before it finished'));
        });
        worker.postMessage({ kind: 'run', input });
      }),
  };
}
