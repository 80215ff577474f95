// Start a server in a child process and wait until it answers HTTP, so that
// scripts, tests and benchmarks share one way to start and stop servers.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SpawnServerOptions {
  command: string;
  args: readonly string[];
  /** Any HTTP answer from this URL (whatever the status) means "ready". */
  readyUrl: string;
  /**
   * Text the child prints once it listens (its own URL): readiness then also
   * waits for it, so that another process that took the port between
   * freePort() and the child's listen is never taken for the child.
   */
  readyLine?: string;
  /** The probe request, e.g. a CORS preflight that a proxy answers without its upstream. */
  readyRequest?: RequestInit;
  readyTimeoutMs?: number;
  readyIntervalMs?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Rewrites or drops (undefined) each output line before anything sees it. */
  filterLine?: (line: string) => string | undefined;
  /** Called with each (filtered) line, e.g. to echo it to the terminal. */
  onLine?: (line: string) => void;
  /** Own process group, so that stop() also ends grandchildren (npm → sh → node). */
  detached?: boolean;
}

export interface RunningServer {
  child: ChildProcess;
  /** The last lines the child printed (stdout and stderr interleaved). */
  output: () => string;
  /** Resolves with the exit code (or signal name) when the child has exited. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after a grace period; safe to call twice. */
  stop: () => Promise<void>;
}

// A server under load can print a lot; keeping only the tail bounds memory
// while still showing why a start failed.
const keptLines = 200;

export async function spawnServer(options: SpawnServerOptions): Promise<RunningServer> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  const lines: string[] = [];
  let announced: () => void = () => undefined;
  const saidReady = new Promise<void>((resolve) => {
    announced = resolve;
  });
  const keep = (line: string): void => {
    if (options.readyLine !== undefined && line.includes(options.readyLine)) announced();
    const kept = options.filterLine ? options.filterLine(line) : line;
    if (kept === undefined) return;
    lines.push(kept);
    if (lines.length > keptLines) lines.shift();
    options.onLine?.(kept);
  };
  splitLines(child.stdout, keep);
  splitLines(child.stderr, keep);

  const exited = exitOf(child);
  // Last resort when the parent exits without calling stop() (an uncaught
  // error, process.exit): no server may outlive the command that started it.
  const killOnExit = (): void => {
    if (child.pid !== undefined) signal(child.pid, 'SIGKILL', options.detached ?? false);
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const server: RunningServer = {
    child,
    output: () => lines.join('\n'),
    exited,
    stop: () => stopChild(child, exited, options.detached ?? false),
  };
  const timeoutMs = options.readyTimeoutMs ?? 15_000;
  const giveUp = exited.then((code) => `exited (${code}) before answering`);
  try {
    await waitForUrl(options.readyUrl, {
      ...(options.readyRequest ? { request: options.readyRequest } : {}),
      timeoutMs,
      ...(options.readyIntervalMs ? { intervalMs: options.readyIntervalMs } : {}),
      giveUp,
    });
    if (options.readyLine !== undefined) await announcement(saidReady, giveUp, options, timeoutMs);
  } catch (error) {
    await server.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${options.command} ${options.args.join(' ')}: ${reason}\n--- its output ---\n${server.output()}`,
    );
  }
  return server;
}

/** Waits for the child's own ready line; its exit or the timeout is an error. */
async function announcement(
  said: Promise<void>,
  giveUp: Promise<string>,
  options: SpawnServerOptions,
  timeoutMs: number,
): Promise<void> {
  const timer = sleep(timeoutMs, 'timeout', { ref: false });
  const outcome = await Promise.race([said.then(() => 'said'), giveUp, timer]);
  if (outcome === 'said') return;
  throw new Error(
    outcome === 'timeout'
      ? `${options.readyUrl} answered, but the child never said ${JSON.stringify(options.readyLine)} (another process on its port?)`
      : `${outcome}: ${options.readyUrl} answered, but not from this child (another process on its port?)`,
  );
}

export interface WaitOptions {
  timeoutMs: number;
  request?: RequestInit;
  intervalMs?: number;
  /** Settles when waiting is pointless (the server died); its value is the reason. */
  giveUp?: Promise<string>;
}

/** Polls until the URL gives any HTTP answer; connection errors mean "not yet". */
export async function waitForUrl(url: string, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let gaveUp: string | undefined;
  void options.giveUp?.then((reason) => {
    gaveUp = reason;
  });
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    if (gaveUp !== undefined) throw new Error(gaveUp);
    try {
      const response = await fetch(url, { ...options.request, signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return;
    } catch (error) {
      lastError = error instanceof Error ? String(error.cause ?? error.message) : String(error);
    }
    await sleep(options.intervalMs ?? 25);
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs} ms (last: ${lastError})`);
}

/** A TCP port that was free a moment ago on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return probePort(host, 0);
}

/**
 * Fails when something already listens on host:port. Without this, the
 * readiness poll would take the other server's answer for the new one's.
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  try {
    await probePort(host, port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE') throw error;
    throw new Error(`${host}:${port} is already in use (another mock still running?)`);
  }
}

async function probePort(host: string, port: number): Promise<number> {
  const server = createServer();
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error)),
  ]);
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

function splitLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (partial + chunk).split(/\r?\n/);
    partial = parts.pop() ?? '';
    for (const line of parts) onLine(line);
  });
  stream.on('end', () => {
    if (partial) onLine(partial);
    partial = '';
  });
}

function exitOf(child: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => {
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | string>,
  group: boolean,
): Promise<void> {
  const alive = child.exitCode === null && child.signalCode === null;
  // A group may outlive its leader (npm gone, Prism still up): signal it anyway.
  if (child.pid === undefined || (!alive && !group)) return;
  signal(child.pid, 'SIGTERM', group);
  if (alive) {
    const graceful = await Promise.race([exited.then(() => true), sleep(3_000).then(() => false)]);
    if (!graceful) signal(child.pid, 'SIGKILL', group);
    await exited;
  }
  if (group) signal(child.pid, 'SIGKILL', group); // stragglers left in the group
}

function signal(pid: number, name: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, name);
  } catch {
    // Already gone: nothing left to stop.
  }
}
