// Runs the pinned @redocly/cli in a child process, telemetry off.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { repoRoot } from './paths.ts';

const redoclyBin = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runRedocly(args: readonly string[], cwd = repoRoot): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [redoclyBin, ...args], {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
