// Global setup of the `contract` project: one Prism mock (static examples of
// generated/openapi.yaml) for every contract and browser test, started the
// same way as `npm run mock`, on a free port of 127.0.0.1. Tests read its URL
// with `inject('mockUrl')`.
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../mock/prism.ts';
import { runBrowserTests, skippedLine } from '../browser/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!runBrowserTests) console.log(`\n${skippedLine}\n`);
  // startPrism stops the child itself and throws with Prism's output when
  // Prism exits or does not answer within the timeout.
  const prism = await startPrism({ mode: 'static', readyTimeoutMs: 30_000 });
  try {
    project.provide('mockUrl', prism.url);
  } catch (error) {
    await prism.stop();
    throw error;
  }
  return () => prism.stop();
}
