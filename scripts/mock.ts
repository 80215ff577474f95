// `npm run mock` (static examples) and `npm run mock:dynamic` (`--dynamic`):
// the contract mock frontends develop against, Prism serving
// generated/openapi.yaml. Options: --host, --port (or MOCK_HOST, MOCK_PORT).
import { parseArgs } from 'node:util';
import { holdUntilStopped, listenAddress, runCli } from './lib/mock-cli.ts';
import { repoRoot } from './lib/paths.ts';
import { bundledSpec, startPrism } from './lib/prism.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      dynamic: { type: 'boolean', short: 'd', default: false },
    },
  });
  const { host, port } = listenAddress(values, process.env);
  const mode = values.dynamic ? 'dynamic' : 'static';
  const prism = await startPrism({ mode, host, port, onLine: (line) => console.log(line) });
  holdUntilStopped(prism);

  const spec = bundledSpec.replace(repoRoot, '');
  const data = mode === 'static' ? "the contract's examples" : 'data generated from the schemas';
  console.log(`\nMock of ${spec} (${data}) at ${prism.url}`);
  console.log(`  curl -H 'X-Auth-Token: any' ${prism.url}/v1.0/apigw/purchases/groups`);
  console.log(
    "Hint: pick a documented response with 'Prefer: code=404' or 'Prefer: code=404, example=subscriptionNotFound' (README, \"Contract mock\").\n",
  );
});
