// Runs the pinned @redocly/cli in a child process, telemetry off.
import { createRequire } from 'node:module';
import { repoRoot } from './paths.ts';
import { type CommandResult, runNode } from './run-node.ts';

export type { CommandResult };

const redoclyBin = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

export function runRedocly(args: readonly string[], cwd = repoRoot): Promise<CommandResult> {
  return runNode([redoclyBin, ...args], {
    cwd,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}
