// `npm run mock:proxy -- <upstream-url>`: Prism as a validation proxy. Every
// request is forwarded to the upstream (a real APIG endpoint, a staging
// server) and both the request and the upstream's answer are checked against
// generated/openapi.yaml.
//
// By default a violation turns the answer into a 500 problem+json listing
// every violation (`--errors`), so it cannot go unnoticed. With
// --report-only the upstream's answer passes through unchanged, the
// violations travel in its `sl-violations` header and are printed here.

import { behindPrismChild } from './behind-prism-child.ts';
import {
  holdUntilStopped,
  listenAddress,
  parseCli,
  printPrismLine,
  runCli,
  UsageError,
} from './cli-support.ts';
import { startFront } from './gateway-server.ts';
import { startPrism } from './prism.ts';
import { startRecorder } from './recorder.ts';
import { startUpstreamGuard } from './upstream-guard.ts';

export const proxyUsage = `Usage: apig-purchases proxy <upstream-url> [options]

A validating proxy: every request goes to the upstream (a real APIG endpoint,
a staging server) and both it and the answer are checked against the contract.

Options:
  --report-only             pass answers through; print violations and send them in sl-violations
                            (default: a violation becomes a 500 problem+json listing it)
  --upstream-timeout <ms>   the upstream's time to answer, else 504 (default 30000)
  --max-body <bytes>        largest upstream body, decoded, else 502 (default 10485760)
  --host <host>             address to listen on (default 127.0.0.1, or MOCK_HOST)
  --port <port>             port to listen on (default 4010, or MOCK_PORT)
  --record <file.json>      merge every validated 200 answer into a dataset in the --data format
                            (replay it with apig-purchases mock --data <file.json>); app_secret
                            and app_key are masked as ******
  --keep-app-key            record app_key as the upstream sent it
  --record-every <s>        write the recording this often when it changed (default 10), and on exit
  --verbose                 print every line of Prism's log (default: only warnings and errors)
  --help, -h                show this help

An answer with a status the operation does not document is a violation too (500 problem+json
by default, reported in sl-violations with --report-only).

Examples:
  apig-purchases proxy https://apig.cn-north-4.myhuaweicloud.com --report-only
  apig-purchases proxy https://apig.cn-north-4.myhuaweicloud.com --record traffic.json`;

runCli(async () => {
  const { values, positionals } = parseCli(proxyUsage, {
    host: { type: 'string' },
    port: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    'upstream-timeout': { type: 'string', default: '30000' },
    'max-body': { type: 'string', default: String(10 * 1024 * 1024) },
    verbose: { type: 'boolean', default: false },
    record: { type: 'string' },
    'keep-app-key': { type: 'boolean', default: false },
    'record-every': { type: 'string', default: '10' },
  });
  const upstream = upstreamUrl(positionals);
  const { host, port } = listenAddress(values, process.env);
  const errors = !values['report-only'];
  const upstreamTimeoutMs = positiveInteger('--upstream-timeout', values['upstream-timeout']);
  const recordEverySeconds = positiveInteger('--record-every', values['record-every']);
  if (values['keep-app-key'] && values.record === undefined) {
    throw new UsageError('--keep-app-key goes with --record <file>. See --help.');
  }
  const recorder =
    values.record === undefined
      ? undefined
      : await startRecorder({
          file: values.record,
          upstream,
          keepAppKey: values['keep-app-key'],
          everyMs: recordEverySeconds * 1000,
          onLine: (line) => console.log(line),
        });
  const guard = await startUpstreamGuard({
    upstream,
    timeoutMs: upstreamTimeoutMs,
    maxBytes: positiveInteger('--max-body', values['max-body']),
  });
  const prism = await startPrism({
    mode: 'proxy',
    upstream: guard.url,
    errors,
    host: '127.0.0.1',
    onLine: printPrismLine(values.verbose),
  });
  const front = await startFront({
    host,
    port,
    behind: behindPrismChild({
      target: prism.url,
      // The guard's 504 for a slow upstream comes first; past this, Prism itself hung.
      prismTimeoutMs: upstreamTimeoutMs + 5_000,
      onLine: printPrismLine(values.verbose),
      undocumentedStatusIsViolation: errors,
      ...(recorder ? { record: recorder.record } : {}),
    }),
  });
  holdUntilStopped({
    ...prism,
    url: front.url,
    stop: async () => {
      await Promise.all([front.close(), prism.stop(), guard.close()]);
      await recorder?.stop();
    },
  });

  console.log(`\nValidation proxy at ${front.url} → ${upstream}`);
  if (values.record !== undefined) {
    console.log(
      `Recording validated answers into ${values.record} (every ${recordEverySeconds} s and on exit).`,
    );
  }
  console.log(
    errors
      ? 'A contract violation is answered with 500 problem+json listing it (--report-only to pass answers through).\n'
      : "Answers pass through; contract violations are printed above and sent in the 'sl-violations' header.\n",
  );
});

function positiveInteger(flag: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag} must be a positive integer, got "${raw}". See --help.`);
  }
  return value;
}

function upstreamUrl(positionals: string[]): string {
  const [raw, ...extra] = positionals;
  if (raw === undefined) throw new UsageError('the upstream URL is missing. See --help.');
  if (extra.length > 0)
    throw new UsageError(`one upstream URL, got ${positionals.length}. See --help.`);
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`upstream must be an http(s) URL, got "${raw}". See --help.`);
  }
  // Prism joins the request path to the upstream; a trailing slash would double it.
  return url.href.replace(/\/$/, '');
}
