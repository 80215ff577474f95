import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing running; `contract` (client against the
// Prism mock, browser tests) shares one mock started by its global setup.
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
          include: [
            'test/unit/**/*.test.ts',
            'test/spec/**/*.test.ts',
            'test/package/**/*.test.ts',
            'review/test/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/contract/global-setup.ts'],
        },
      },
    ],
  },
});
