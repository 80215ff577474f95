// `npm run mock`: the contract mock frontends develop against, on
// 127.0.0.1:4010, answering from a dataset (the bundled one, or
// `--data file.json`) with Prism checking every answer against the contract.
// `--examples` serves the contract's named examples verbatim instead, and
// `npm run mock:dynamic` (`--dynamic`) bodies generated from the schemas.
// Its options are in `mockUsage` (`--help`).
import { operations } from '../generated/operations.js';
import { fromRoot } from '../lib/paths.ts';
import { AUTH_HEADERS } from '../src/auth/auth-headers.ts';
import dataset from '../src/mock/dataset.json' with { type: 'json' };
import { checkDataset } from '../src/mock/dataset.ts';
import {
  holdUntilStopped,
  listenAddress,
  parseCli,
  printPrismLine,
  runCli,
  UsageError,
} from './cli-support.ts';
import { loadDatasetFile } from './dataset-file.ts';
import { profileFromFlags } from './profile-file.ts';
import { inForce, type MockMode, servedBy, startMock } from './start-mock.ts';

// The example request: the first paged list of the contract.
const firstList = Object.values(operations).find((spec) => spec.list)?.path ?? '/';

export const mockUsage = `Usage: apig-purchases mock [options]

The contract mock: answers from a dataset through the contract's operations,
with Prism checking every answer against the contract.

Options:
  --data <file.json>    serve { "purchases": [...], "apis": [...] } instead of the bundled dataset;
                        every problem is listed (up to 50), a field no schema has is a warning
  --strict-data         refuse a --data field no schema has, instead of warning
  --examples            serve the contract's named examples verbatim instead of data
  --dynamic, -d         serve bodies generated from the schemas instead of data
  --host <host>         address to listen on (default 127.0.0.1, or MOCK_HOST)
  --port <port>         port to listen on (default 4010, or MOCK_PORT)
  --prism-timeout <ms>  how long Prism may stay silent before the client gets a 5xx (default 30000)
  --verbose             print every line of Prism's log (default: only warnings and errors)
  --help, -h            show this help

The network (each injected delay or fault is a line of the log):
  --latency <ms>        every answer waits this long: 120, or 100-300 drawn uniformly
  --faults <list>       a fault's chance per request: 429=0.05,500=0.01,reset=0.005,timeout=0.005
                        (a status the operation documents, with the contract's body; reset
                        closes the connection; timeout never answers)
  --profile <file>      latency and faults per operation, and tokenTtl, from a JSON or YAML file
                        (the flags above win over it)
  --seed <n>            the same seed repeats the same delays and faults (default: random, printed)
  --token-ttl <min>     a token is accepted this many minutes after its first use, then gets
                        401 APIG.1001 (session expired)
  --verify-signatures   check AK/SK signatures as APIG does: a bad one, or an X-Sdk-Date 15 min
                        off, gets 401 APIGW.0301. The key pair is read from the environment,
                        APIG_MOCK_ACCESS_KEY and APIG_MOCK_SECRET_KEY (never a flag: ps shows flags)
  Per request: 'Prefer: delay=2000', 'Prefer: fault=429' (or reset, timeout).

Examples:
  apig-purchases mock --port 4011 --data my-data.json
  apig-purchases mock --latency 200-800 --faults 429=0.1,reset=0.02 --seed 7`;

runCli(async () => {
  const { values, positionals } = parseCli(mockUsage, {
    host: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    examples: { type: 'boolean', default: false },
    dynamic: { type: 'boolean', short: 'd', default: false },
    'prism-timeout': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'strict-data': { type: 'boolean', default: false },
    latency: { type: 'string' },
    faults: { type: 'string' },
    profile: { type: 'string' },
    seed: { type: 'string' },
    'token-ttl': { type: 'string' },
    'verify-signatures': { type: 'boolean', default: false },
  });
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0]}". See --help.`);
  }
  const prismTimeoutMs =
    values['prism-timeout'] === undefined ? undefined : Number(values['prism-timeout']);
  if (prismTimeoutMs !== undefined && !(Number.isInteger(prismTimeoutMs) && prismTimeoutMs > 0)) {
    throw new Error(
      `--prism-timeout needs whole milliseconds above 0, got "${values['prism-timeout']}"`,
    );
  }
  const { host, port } = listenAddress(values, process.env);
  const mode: MockMode = values.dynamic ? 'dynamic' : values.examples ? 'examples' : 'data';
  if (mode !== 'data' && values.data !== undefined) {
    throw new Error('--data goes with the default mode, not with --examples or --dynamic');
  }
  const data =
    values.data === undefined
      ? checkDataset(dataset, 'src/mock/dataset.json')
      : await loadDatasetFile(values.data, {
          unknownFields: values['strict-data'] ? 'refuse' : 'warn',
          onWarning: (line) => console.warn(`warning: ${line}`),
        });
  const network = {
    profile: await profileFromFlags(values),
    ...seedOf(values.seed),
    ...(values['verify-signatures'] ? { verify: keyPairFromEnvironment(process.env) } : {}),
  };
  const mock = await startMock({
    network,
    onMockLine: (line) => console.log(line),
    mode,
    host,
    port,
    data,
    onLine: printPrismLine(values.verbose),
    verbose: values.verbose,
    ...(values.data === undefined ? {} : { source: values.data }),
    ...(prismTimeoutMs === undefined ? {} : { prismTimeoutMs }),
  });
  holdUntilStopped(mock);

  const served = servedBy({
    mode,
    data,
    ...(values.data === undefined ? {} : { source: values.data }),
  });
  console.log(`\nMock at ${mock.url}: ${served}`);
  console.log(`  curl -H '${AUTH_HEADERS.token}: any' '${mock.url}${firstList}?page_size=5'`);
  for (const line of inForce(network, mock.seed)) console.log(`  ${line}`);
  console.log(
    `Hint: any documented response is one header away: 'Prefer: code=404' or 'Prefer: example=sessionExpired' (${fromRoot('docs/frontends.md')}).\n`,
  );
});

function seedOf(raw: string | undefined): { seed?: number } {
  if (raw === undefined) return {};
  const seed = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seed) || seed > 0xffff_ffff) {
    throw new UsageError(
      `--seed needs a whole number from 0 to 4294967295, got "${raw}". See --help.`,
    );
  }
  return { seed };
}

/** The key pair `--verify-signatures` checks with: from the environment only, never echoed. */
function keyPairFromEnvironment(env: NodeJS.ProcessEnv): {
  accessKey: string;
  secretKey: string;
} {
  const accessKey = env.APIG_MOCK_ACCESS_KEY ?? '';
  const secretKey = env.APIG_MOCK_SECRET_KEY ?? '';
  const missing = [
    accessKey === '' && 'APIG_MOCK_ACCESS_KEY',
    secretKey === '' && 'APIG_MOCK_SECRET_KEY',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new UsageError(
      `--verify-signatures reads the key pair from the environment: set ${missing.join(' and ')} (not a flag, so that no secret shows in ps).`,
    );
  }
  return { accessKey, secretKey };
}
