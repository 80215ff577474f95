// Global setup of the `contract` project: the mock as `npm run mock` starts it
// (mock/start-mock.ts, on free ports of 127.0.0.1), once in its default data mode
// and once serving the contract's examples (`--examples`), for every contract
// and browser test. Tests read their URLs with `inject('mockUrl')` and
// `inject('examplesMockUrl')`.
import type { TestProject } from 'vitest/node';
import { startMock } from '../../mock/start-mock.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import { checkDataset } from '../../src/mock/dataset.ts';
import { runBrowserTests, skippedLine } from '../browser/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
    examplesMockUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!runBrowserTests) console.log(`\n${skippedLine}\n`);
  const served = checkDataset(dataset, 'src/mock/dataset.json');
  const options = { host: '127.0.0.1', data: served, readyTimeoutMs: 30_000 };
  // startMock stops what it started and throws with Prism's output when a part fails.
  const [data, examples] = await Promise.allSettled([
    startMock({ ...options, mode: 'data' }),
    startMock({ ...options, mode: 'examples' }),
  ]);
  const stop = async () => {
    await Promise.all(
      [data, examples].map((started) =>
        started.status === 'fulfilled' ? started.value.stop() : undefined,
      ),
    );
  };
  if (data.status === 'rejected' || examples.status === 'rejected') {
    await stop();
    throw data.status === 'rejected' ? data.reason : (examples as PromiseRejectedResult).reason;
  }
  project.provide('mockUrl', data.value.url);
  project.provide('examplesMockUrl', examples.value.url);
  return stop;
}
