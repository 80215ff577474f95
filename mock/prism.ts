// The one way this project starts Prism (the pinned @stoplight/prism-cli):
// `npm run mock`, `npm run mock:proxy`, the contract tests' global setup and
// the load benchmark all call startPrism, so they all exercise the same mock.
import { createRequire } from 'node:module';
import { fromRoot, repoRoot } from '../lib/paths.ts';
import { assertPortFree, freePort, type RunningServer, spawnServer } from '../lib/spawn-server.ts';
import { SECRET_HEADERS } from '../src/auth/auth-headers.ts';

/** The Prism this project pins: an optional peer of the package (its `mock` and `proxy` commands need it). */
export const prismPackage = { name: '@stoplight/prism-cli', version: '5.14.2' } as const;

/** Prism's CLI script, or an Error saying in one line what to install. */
export function prismBin(): string {
  try {
    return createRequire(import.meta.url).resolve(`${prismPackage.name}/dist/index.js`);
  } catch {
    throw new Error(
      `Prism is not installed: run \`npm install --save-dev --save-exact ${prismPackage.name}@${prismPackage.version}\` (the mock and the proxy run it as the contract's enforcer).`,
    );
  }
}
export const bundledSpec = fromRoot('generated/openapi.yaml');
export const defaultHost = '127.0.0.1';
export const defaultPort = 4010;

export type PrismLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

interface CommonOptions {
  host?: string;
  /** Omitted: a free port is picked. */
  port?: number;
  spec?: string;
  /**
   * Prism prints request headers, credentials included, from `debug` down;
   * `info` (the default) prints method, path and validation results only.
   */
  logLevel?: PrismLogLevel;
  onLine?: (line: string) => void;
  readyTimeoutMs?: number;
}

export type PrismOptions =
  /** static: the contract's named examples (the first one unless `Prefer: example=`). */
  | (CommonOptions & { mode: 'static' | 'dynamic' })
  /** errors: a violation becomes a 500 problem+json response instead of an `sl-violations` header. */
  | (CommonOptions & { mode: 'proxy'; upstream: string; errors?: boolean });

export interface RunningPrism {
  url: string;
  /** Prism's process id (for memory readings). */
  pid: number | undefined;
  output: RunningServer['output'];
  exited: RunningServer['exited'];
  stop: RunningServer['stop'];
}

// Prism must never outlive the process that started it. An exit handler does
// not run when that process is SIGKILLed, so Prism's own Node watches its
// parent: once it is gone (reparented), Prism exits within a quarter second.
const exitWithParent = `--import=data:text/javascript,${encodeURIComponent(
  'const parent = process.ppid; setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 250).unref();',
)}`;

export async function startPrism(options: PrismOptions): Promise<RunningPrism> {
  const host = options.host ?? defaultHost;
  const port = options.port ?? (await freePort(host));
  await assertPortFree(host, port);
  const url = `http://${urlHost(host)}:${port}`;
  const server = await spawnServer({
    command: process.execPath,
    args: [exitWithParent, prismBin(), ...prismArgs(options, host, port)],
    cwd: repoRoot,
    // Colours off: the lines are piped, filtered and matched as plain text.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    // A CORS preflight is answered by Prism itself: in proxy mode it does not
    // reach the upstream, and it needs no credentials.
    readyUrl: `${url}/`,
    readyRequest: {
      method: 'OPTIONS',
      headers: { Origin: 'http://readiness.probe', 'Access-Control-Request-Method': 'GET' },
    },
    readyTimeoutMs: options.readyTimeoutMs ?? 20_000,
    filterLine: redactCredentials,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  return {
    url,
    pid: server.child.pid,
    output: server.output,
    exited: server.exited,
    stop: server.stop,
  };
}

export function prismArgs(options: PrismOptions, host: string, port: number): string[] {
  const spec = options.spec ?? bundledSpec;
  const common = [
    '--host',
    host,
    '--port',
    String(port),
    '--verboseLevel',
    options.logLevel ?? 'info',
    // On by default in 5.14.2; explicit because browsers on other origins rely on it.
    '--cors',
  ];
  if (options.mode === 'proxy') {
    return ['proxy', spec, options.upstream, ...common, ...(options.errors ? ['--errors'] : [])];
  }
  // Without fillProperties=false, json-schema-faker adds random extra keys
  // to every object, which no APIG answer has.
  const dynamic = ['--dynamic', '--json-schema-faker-fillProperties=false'];
  return ['mock', spec, ...common, ...(options.mode === 'dynamic' ? dynamic : [])];
}

// Header names whose values are credentials (AK/SK signatures, IAM tokens),
// and what follows them up to the end of the (quoted) value.
const credentialValue = new RegExp(
  `\\b(${[...SECRET_HEADERS, 'Proxy-Authorization', 'Cookie'].join('|')})(["']?\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|.*)`,
  'gi',
);

/**
 * Masks credential header values in a log line. At `info` Prism prints none;
 * this is the safety net for a lower level or a future Prism that does.
 */
export function redactCredentials(line: string): string {
  return line.replace(credentialValue, (_match, name: string, separator: string, value: string) => {
    const quote = value.startsWith('"') || value.startsWith("'") ? value.charAt(0) : '';
    return `${name}${separator}${quote}[redacted]${quote}`;
  });
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);
