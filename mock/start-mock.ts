// The one way this project starts the mock, for `npm run mock`, the contract
// tests and the load benchmark:
//
//   client → front (ours: guards, the gate: 401s, signatures, latency,
//            faults) → Prism → the answer
//
// - `data` (the default): Prism's router and validators in this process
//   (prism-in-process.ts) in front of the data layer, which answers from a
//   dataset through the shared core in src/mock/. Every answer is checked
//   against the contract by Prism: a dataset or handler that drifts from it
//   gets a 500 listing the violations.
// - `examples`: Prism (its own process) serving the contract's named examples verbatim.
// - `dynamic`: Prism (its own process) generating bodies from the schemas.
import type { MockData } from '../src/mock/dataset.ts';
import { createGate, type GateOptions } from '../src/mock/network-gate.ts';
import { describeProfile } from '../src/mock/network-profile.ts';
import { behindPrismChild } from './behind-prism-child.ts';
import { behindPrismInProcess } from './behind-prism-in-process.ts';
import { startFront } from './gateway-server.ts';
import type { HomePage } from './home-page.ts';
import { type RunningPrism, startPrism } from './prism.ts';
import { startPrismInProcess } from './prism-in-process.ts';

export type MockMode = 'data' | 'examples' | 'dynamic';

export interface MockOptions {
  mode: MockMode;
  host: string;
  /** Omitted or 0: a free port. */
  port?: number;
  /** What the data mode serves (checkDataset's result). */
  data: MockData;
  /** Where the data came from, in words (default: the bundled dataset). */
  source?: string;
  onLine?: (line: string) => void;
  /** Prism's info lines too (the data mode's in-process Prism; a Prism child prints them anyway to `onLine`). */
  verbose?: boolean;
  readyTimeoutMs?: number;
  /** The front's limit on a silent Prism (see gateway-server.ts). */
  prismTimeoutMs?: number;
  /** The network profile, seed and signature keys (network-gate.ts); its lines go to `onMockLine`. */
  network?: Omit<GateOptions, 'onLine'>;
  /** The mock's own lines: injected delays and faults, its refusals. */
  onMockLine?: (line: string) => void;
}

export interface RunningMock extends RunningPrism {
  /** The seed of the delays and faults: the same seed replays them. */
  seed: number;
}

/** What the mock serves, in words: the start-up line and the page at `GET /` say it. */
export function servedBy(options: Pick<MockOptions, 'mode' | 'data' | 'source'>): string {
  const counts = Object.entries(options.data)
    .map(([name, items]) => `${items.length} ${name}`)
    .join(' and ');
  return {
    data: `${counts} from ${options.source ?? 'the bundled dataset'}, checked by Prism against the contract`,
    examples: "the contract's named examples",
    dynamic: 'data generated from the schemas',
  }[options.mode];
}

/** The network and gateway options in force, in words. */
export function inForce(network: MockOptions['network'], seed: number): string[] {
  const profile = describeProfile(network?.profile ?? {});
  return [
    ...profile,
    ...(network?.verify === undefined
      ? ['any X-Auth-Token or Authorization is accepted (--verify-signatures checks AK/SK)']
      : ['AK/SK signatures are checked as APIG checks them; tokens are accepted']),
    ...(profile.length > 0
      ? [`seed ${seed} (--seed ${seed} repeats these delays and faults)`]
      : []),
  ];
}

const homeOf = (options: MockOptions, seed: number): HomePage => ({
  served: servedBy(options),
  pathValues: { purchase_id: options.data.purchases[0]?.id ?? 'purchase_id' },
  inForce: inForce(options.network, seed),
});

export async function startMock(options: MockOptions): Promise<RunningMock> {
  const gate = createGate({
    ...options.network,
    ...(options.onMockLine ? { onLine: options.onMockLine } : {}),
  });
  const onLine = options.onLine ? { onLine: options.onLine } : {};
  const onMockLine = options.onMockLine ? { onMockLine: options.onMockLine } : {};
  // Data mode: Prism's validators in this process, the data layer behind
  // them. The examples and dynamic modes are Prism's own mocker, in its process.
  const prism =
    options.mode === 'data'
      ? undefined
      : await startPrism({
          host: '127.0.0.1',
          mode: options.mode === 'dynamic' ? 'dynamic' : 'static',
          readyTimeoutMs: options.readyTimeoutMs ?? 20_000,
          ...onLine,
        });
  let front: Awaited<ReturnType<typeof startFront>>;
  try {
    const behind = prism
      ? behindPrismChild({
          target: prism.url,
          requestIds: true,
          ...onLine,
          ...onMockLine,
          ...(options.prismTimeoutMs === undefined
            ? {}
            : { prismTimeoutMs: options.prismTimeoutMs }),
        })
      : behindPrismInProcess({
          prism: await startPrismInProcess({ ...onLine, verbose: options.verbose === true }),
          data: options.data,
          ...onLine,
          ...onMockLine,
        });
    front = await startFront({
      host: options.host,
      port: options.port ?? 0,
      behind,
      requestIds: true,
      home: homeOf(options, gate.seed),
      gate,
      ...onMockLine,
    });
  } catch (error) {
    await prism?.stop();
    throw error;
  }
  return {
    seed: gate.seed,
    url: front.url,
    // In data mode Prism runs in this process (no pid of its own): its lines went to onLine.
    pid: prism?.pid,
    output: prism?.output ?? (() => ''),
    exited: prism?.exited ?? new Promise(() => {}),
    stop: async () => {
      await Promise.all([front.close(), prism?.stop()]);
    },
  };
}
