// `apig-purchases/msw`: MSW request handlers, one per operation of the
// contract's table, answering from the same dataset and with the same
// behaviour as `npm run mock` (filters, paging, 404 for an unknown id, 401
// without credentials, 400 for bad parameters, `Prefer: code=…, example=…`),
// for a frontend's unit tests. msw (2.x) is an optional peer dependency: only
// this entry needs it.
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { operations } from '../../generated/operations.js';
import { answer } from './answer-request.js';
import { checkDataset, type MockData } from './dataset.js';
import dataset from './dataset.json' with { type: 'json' };
import { createGate, type GateOutcome } from './network-gate.js';
import { checkProfile, type ProfileInput } from './network-profile.js';
import { decodes, route } from './routes.js';
import type { KeyPair } from './verify-signature.js';

export { DatasetError, type MockApi, type MockData, type MockPurchase } from './dataset.js';
export { ProfileError, type ProfileInput } from './network-profile.js';

/**
 * The data to serve, collection by collection (default: the bundled dataset);
 * checked like a `--data` file. Give any collection and the others start empty.
 */
export type PurchasesHandlersOptions = { [Name in keyof MockData]?: MockData[Name] } & {
  /** Origin the handlers match, e.g. `https://apig.cn-north-4.myhuaweicloud.com` (default: any). */
  baseUrl?: string;
  /**
   * The network, as `apig-purchases mock --profile` reads it: `{ latency:
   * '100-300', faults: { 429: 0.05, reset: 0.01 }, tokenTtl: 30, operations:
   * { listPurchasedApis: { latency: 800 } } }`. `reset` is a network error
   * (`HttpResponse.error()`), `timeout` never answers.
   */
  profile?: ProfileInput;
  /** The same seed, the same delays and faults for the same requests (default: random). */
  seed?: number;
  /** Check AK/SK signatures as APIG does, with this key pair (`--verify-signatures`). */
  verifySignatures?: KeyPair;
  /** Refuse a field no schema has (default: served, and said through `onLine`). */
  strictData?: boolean;
  /** The mock's clock, in milliseconds (default `Date.now()`, fake timers included): token lifetimes and X-Sdk-Date read it. */
  now?: () => number;
  /** Where each injected delay or fault, and each refusal of the mock's own, is said (default: nowhere). */
  onLine?: (line: string) => void;
};

/** The bundled dataset, the same `npm run mock` serves. */
export const defaultData: MockData = checkDataset(dataset, 'apig-purchases/msw dataset');
/** The bundled purchases. */
export const defaultPurchases: MockData['purchases'] = defaultData.purchases;

export function createPurchasesHandlers(options: PurchasesHandlersOptions = {}): HttpHandler[] {
  const { baseUrl, profile, seed, verifySignatures, now, onLine, strictData, ...given } = options;
  const gate = createGate({
    ...(profile === undefined
      ? {}
      : { profile: checkProfile(profile, 'createPurchasesHandlers({ profile })') }),
    ...(seed === undefined ? {} : { seed }),
    ...(verifySignatures === undefined ? {} : { verify: verifySignatures }),
    ...(onLine === undefined ? {} : { onLine }),
    ...(now === undefined ? {} : { now }),
  });
  const data =
    Object.keys(given).length === 0
      ? defaultData
      : checkDataset(given, `createPurchasesHandlers({ ${Object.keys(given).join(', ')} })`, {
          unknownFields: strictData ? 'refuse' : 'warn',
          ...(onLine === undefined ? {} : { onWarning: onLine }),
        });
  const origin = (baseUrl ?? '*').replace(/\/+$/, '');
  const respond = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const target = `${url.pathname}${url.search}`;
    const { operation } = route(url.pathname);
    // As the HTTP mock's front: what does not decode is refused before the gate.
    if (operation !== undefined && decodes(target)) {
      const { host } = url;
      const outcome = await gate.check({
        operation,
        method: request.method,
        target,
        host,
        headers: request.headers,
      });
      const acted = await act(outcome);
      if (acted !== undefined) return acted;
    }
    const { status, headers, body } = answer({ url, headers: request.headers }, { data });
    if (headers['X-Mock-Problem'] !== undefined) {
      onLine?.(
        `mock: ${request.method} ${target.slice(0, 200)}: refused: ${headers['X-Mock-Problem']}`,
      );
    }
    return HttpResponse.json(body as never, { status, headers });
  };
  // Each operation's path as a regular expression without groups: MSW decodes
  // the groups of a `:param` path itself and throws URIError on `%ZZ` (a 500
  // with a stack trace); matched this way, the path reaches answer(), which
  // gives the contract's 400 for a malformed escape, as the HTTP mock does.
  const host = origin === '*' ? '[a-z][a-z0-9+.-]*://[^/]+' : escapeRegExp(origin);
  return Object.values(operations).map((spec) => {
    const path = spec.path
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join('[^/]*');
    return http[spec.method.toLowerCase() as 'get'](new RegExp(`^${host}${path}$`), respond);
  });
}

/** The gate's verdict, after its delay: a response, a network error, never, or undefined (go on to the data). */
async function act(outcome: GateOutcome): Promise<Response | undefined> {
  if (outcome.delayMs > 0) await delay(outcome.delayMs);
  const { verdict } = outcome;
  if (verdict.kind === 'pass') return undefined;
  if (verdict.kind === 'reset') return HttpResponse.error();
  if (verdict.kind === 'timeout') await delay('infinite');
  if (verdict.kind !== 'answer') return undefined;
  const { status, headers, body } = verdict.answer;
  return HttpResponse.json(body as never, { status, headers });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
