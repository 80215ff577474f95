// What `npm run mock` and `npm run mock:proxy` share: where to listen, and
// staying in the foreground until a signal, so that Ctrl-C or a supervisor's
// SIGTERM also ends Prism.
import { constants } from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import { parseCommandLine } from '../lib/script.ts';
import { defaultHost, defaultPort, type RunningPrism } from './prism.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ListenFlags {
  host?: string | undefined;
  port?: string | undefined;
}

/** `--host`/`--port` win over `MOCK_HOST`/`MOCK_PORT`, which win over 127.0.0.1:4010. */
export function listenAddress(
  flags: ListenFlags,
  env: NodeJS.ProcessEnv,
): { host: string; port: number } {
  const host = flags.host ?? env.MOCK_HOST ?? defaultHost;
  const rawPort = flags.port ?? env.MOCK_PORT ?? String(defaultPort);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`port must be an integer from 1 to 65535, got "${rawPort}"`);
  }
  if (host === '') throw new Error('host must not be empty');
  return { host, port };
}

const forwarded: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Stays up until Prism exits, a signal arrives or our parent goes; then exits. */
export function holdUntilStopped(prism: RunningPrism): void {
  let stopping = false;
  const stop = (code: number): void => {
    stopping = true;
    void prism.stop().then(() => process.exit(code));
  };
  for (const name of forwarded) process.once(name, () => stop(128 + constants.signals[name]));
  // `npm run` starts scripts through `sh -c`, which does not pass SIGTERM on:
  // a supervisor stopping npm kills only sh, and we are re-parented. Treat
  // that as a stop, so that Prism never outlives the command that started it.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && !stopping) stop(143);
  }, 500).unref();
  void prism.exited.then((code) => {
    if (stopping) return;
    console.error(`Prism exited on its own (${code}).`);
    process.exit(typeof code === 'number' && code !== 0 ? code : 1);
  });
}

/**
 * How Prism's log reaches the terminal: by default only its warnings, errors
 * and contract violations (not its internal address nor the per-request
 * proxy chatter); every line with `--verbose`.
 */
export const printPrismLine =
  (verbose: boolean) =>
  (line: string): void => {
    if (verbose || /\b(warning|error|fatal)\b|Violation/i.test(line)) console.log(line);
  };

export { UsageError } from '../lib/script.ts';

/** The command's flags and positionals (see lib/script.ts: `--help`, unknown options). */
export const parseCli = <const O extends Options>(usage: string, options: O) =>
  parseCommandLine(usage, options, true);

/** Runs `main`, printing a failure as one readable message and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    // The stack only when asked: a failure on bad input is its message.
    if (process.argv.includes('--verbose') && error instanceof Error) console.error(error.stack);
    process.exit(1);
  });
}
