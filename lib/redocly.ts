// Runs the pinned @redocly/cli in a child process, telemetry off.
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { repoRoot } from './paths.ts';
import { type CommandResult, runNode } from './run-node.ts';

export type { CommandResult };

const redoclyBin = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

export interface RedoclyOptions {
  /** A redocly.yaml to use instead of the one in `cwd` (the review never uses a contract's own). */
  config?: string;
  signal?: AbortSignal | undefined;
}

export function runRedocly(
  args: readonly string[],
  cwd = repoRoot,
  options: RedoclyOptions = {},
): Promise<CommandResult> {
  const config = options.config === undefined ? [] : ['--config', options.config];
  return runNode([redoclyBin, ...args, ...config], {
    cwd,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', FORCE_COLOR: '0' },
    signal: options.signal,
  });
}

export type BundleResult =
  | { ok: true; text: string; document: unknown }
  | { ok: false; problem: string };

/**
 * Bundles `openapi/openapi.yaml` under `root` (with the redocly.yaml there):
 * the text Redocly prints (YAML, or JSON with `format: 'json'`, which parses
 * several times faster for a large contract) and its parsed document, or what
 * Redocly said (without the boxed Node deprecation banner).
 */
export async function bundleContract(
  root = repoRoot,
  format: 'yaml' | 'json' = 'yaml',
  options: RedoclyOptions = {},
): Promise<BundleResult> {
  const args = ['bundle', 'openapi/openapi.yaml', ...(format === 'json' ? ['--ext', 'json'] : [])];
  const result = await runRedocly(args, root, options);
  if (result.code !== 0) {
    const said = (result.stderr || result.stdout)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/[╔╗╚╝║]/.test(line));
    return { ok: false, problem: `redocly bundle exited ${result.code}: ${said.join('\n')}` };
  }
  const document: unknown = format === 'json' ? JSON.parse(result.stdout) : parse(result.stdout);
  return { ok: true, text: result.stdout, document };
}
