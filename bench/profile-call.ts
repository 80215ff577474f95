// What to profile before changing anything on the call path: one variant of
// bench/calls.ts in a loop, for `node --cpu-prof`:
//
//   node --cpu-prof --cpu-prof-dir=.artifacts/profile --import tsx bench/profile-call.ts aksk chunked in-process
//
// The framing (content-length | chunked) and the layout (in-process |
// other-process) pick the bench server. `--stub` replaces the network by an
// in-process fetch that builds the Request and answers the seed list, as
// undici does, so only the client's own work is left in the profile.
import { isMain } from '../lib/is-main.ts';
import { CALL_VARIANTS, type CallVariant, callVariants } from './calls.ts';
import { loadPackage } from './support/package.ts';
import { FRAMINGS, type Framing } from './support/seed-answer.ts';
import { LAYOUTS, type Layout, startSeedServer } from './support/start-seed-server.ts';

const CALLS = 20_000;

function stubFetch(): void {
  const body = JSON.stringify({ total: 1, size: 1, purchases: [{ id: 'p1', name: 'weather' }] });
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    new Request(input, init); // what undici's fetch does first
    return new Response(body, {
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
    });
  };
}

export async function profileCall(
  variant: CallVariant,
  options: { stub: boolean; framing: Framing; layout: Layout },
): Promise<number> {
  const pkg = await loadPackage();
  if (options.stub) stubFetch();
  const server = options.stub ? undefined : await startSeedServer(options);
  try {
    const call = (await callVariants(pkg, server?.url ?? 'http://127.0.0.1:9'))[variant];
    const start = performance.now();
    for (let i = 0; i < CALLS; i += 1) await call();
    return ((performance.now() - start) * 1000) / CALLS;
  } finally {
    server?.stop();
  }
}

if (isMain(import.meta.url)) {
  const [variant, ...rest] = process.argv.slice(2) as [CallVariant, ...string[]];
  const framing = (rest.find((a) => FRAMINGS.includes(a as Framing)) ?? 'chunked') as Framing;
  const layout = (rest.find((a) => LAYOUTS.includes(a as Layout)) ?? 'in-process') as Layout;
  if (!CALL_VARIANTS.includes(variant)) {
    console.error(
      `usage: bench/profile-call.ts <${CALL_VARIANTS.join('|')}> [${FRAMINGS.join('|')}] [${LAYOUTS.join('|')}] [--stub]`,
    );
    process.exit(2);
  }
  const stub = rest.includes('--stub');
  if (stub && variant === 'huawei') {
    console.error("--stub replaces fetch; Huawei's SDK sends through axios and node:http");
    process.exit(2);
  }
  const perCall = await profileCall(variant, { stub, framing, layout });
  console.log(
    `${variant} (${stub ? 'stub' : `${framing}, ${layout}`}): ${perCall.toFixed(1)} µs per call`,
  );
}
