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
import { type MockMode, servedBy, startMock } from './start-mock.ts';

// The example request: the first paged list of the contract.
const firstList = Object.values(operations).find((spec) => spec.list)?.path ?? '/';

export const mockUsage = `Usage: apig-purchases mock [options]

The contract mock: answers from a dataset through the contract's operations,
with Prism checking every answer against the contract.

Options:
  --data <file.json>    serve { "purchases": [...], "apis": [...] } instead of the bundled dataset
  --examples            serve the contract's named examples verbatim instead of data
  --dynamic, -d         serve bodies generated from the schemas instead of data
  --host <host>         address to listen on (default 127.0.0.1, or MOCK_HOST)
  --port <port>         port to listen on (default 4010, or MOCK_PORT)
  --prism-timeout <ms>  how long Prism may stay silent before the client gets a 5xx (default 30000)
  --verbose             print every line of Prism's log (default: only warnings and errors)
  --help, -h            show this help

Example:
  apig-purchases mock --port 4011 --data my-data.json`;

runCli(async () => {
  const { values, positionals } = parseCli(mockUsage, {
    host: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    examples: { type: 'boolean', default: false },
    dynamic: { type: 'boolean', short: 'd', default: false },
    'prism-timeout': { type: 'string' },
    verbose: { type: 'boolean', default: false },
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
      : await loadDatasetFile(values.data);
  const mock = await startMock({
    mode,
    host,
    port,
    data,
    onLine: printPrismLine(values.verbose),
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
  console.log(
    `Hint: any documented response is one header away: 'Prefer: code=404' or 'Prefer: example=sessionExpired' (${fromRoot('docs/frontends.md')}).\n`,
  );
});
