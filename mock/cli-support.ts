// What `npm run mock` and `npm run mock:proxy` share: where to listen, and
// staying in the foreground until a signal, so that Ctrl-C or a supervisor's
// SIGTERM also ends Prism.
import { constants } from 'node:os';
import { defaultHost, defaultPort, type RunningPrism } from './prism.ts';

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

/** Runs `main`, printing a failure as one readable message and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
