import { defineConfig } from 'vitest/config';

// Three projects, by what a file needs:
// - `unit`: in this process only (in-process servers on 127.0.0.1 at most):
//   `npm run test:quick`, the inner loop;
// - `contract`: the client, the MSW handlers and a browser page against the
//   mock, started once by the project's global setup (the browser tests need
//   that same mock, so they live here rather than in e2e);
// - `e2e`: files that start processes of their own: the packed package, the
//   command lines (review, mock, proxy, scripts), Prism faults, redocly lint,
//   tsc over the docs' snippets.
const ownProcesses = [
  'test/unit/scripts-help.test.ts',
  'test/spec/docs.test.ts',
  'test/spec/lint.test.ts',
  'review/test/cli.test.ts',
  'review/test/formats.test.ts',
  'review/test/hostile.test.ts',
  'review/test/bounded.test.ts',
  'review/test/load.test.ts',
  'test/contract/mock-cli.test.ts',
  'test/contract/proxy.test.ts',
  'test/contract/prism-faults.test.ts',
  'test/contract/gateway-traffic.test.ts',
  'test/contract/network.test.ts',
  'test/contract/record-replay.test.ts',
];

export default defineConfig({
  test: {
    // Most files wait on servers (Prism, Chromium, child processes): four
    // workers on two cores finish in about 2/3 of the time that two take.
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/spec/**/*.test.ts', 'review/test/**/*.test.ts'],
          exclude: ownProcesses,
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts', 'test/browser/**/*.test.ts'],
          exclude: ownProcesses,
          globalSetup: ['test/contract/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [...ownProcesses, 'test/package/**/*.test.ts'],
        },
      },
    ],
  },
});
