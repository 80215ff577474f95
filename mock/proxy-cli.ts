// `npm run mock:proxy -- <upstream-url>`: Prism as a validation proxy. Every
// request is forwarded to the upstream (a real APIG endpoint, a staging
// server) and both the request and the upstream's answer are checked against
// generated/openapi.yaml.
//
// By default a violation turns the answer into a 500 problem+json listing
// every violation (`--errors`), so it cannot go unnoticed. With
// --report-only the upstream's answer passes through unchanged, the
// violations travel in its `sl-violations` header and are printed here.
import { parseArgs } from 'node:util';
import { holdUntilStopped, listenAddress, runCli } from './cli-support.ts';
import { startPrism } from './prism.ts';

const usage = 'usage: npm run mock:proxy -- <upstream-url> [--host H] [--port N] [--report-only]';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'report-only': { type: 'boolean', default: false },
    },
  });
  const upstream = upstreamUrl(positionals);
  const { host, port } = listenAddress(values, process.env);
  const errors = !values['report-only'];
  const prism = await startPrism({
    mode: 'proxy',
    upstream,
    errors,
    host,
    port,
    onLine: (line) => console.log(line),
  });
  holdUntilStopped(prism);

  console.log(`\nValidation proxy at ${prism.url} → ${upstream}`);
  console.log(
    errors
      ? 'A contract violation is answered with 500 problem+json listing it (--report-only to pass answers through).\n'
      : "Answers pass through; contract violations are printed above and sent in the 'sl-violations' header.\n",
  );
});

function upstreamUrl(positionals: string[]): string {
  const [raw, ...extra] = positionals;
  if (raw === undefined || extra.length > 0) throw new Error(usage);
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`upstream must be an http(s) URL, got "${raw}"\n${usage}`);
  }
  // Prism joins the request path to the upstream; a trailing slash would double it.
  return url.href.replace(/\/$/, '');
}
