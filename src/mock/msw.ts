// `apig-purchases/msw`: MSW request handlers, one per operation of the
// contract's table, answering from the same dataset and with the same
// behaviour as `npm run mock` (filters, paging, 404 for an unknown id, 401
// without credentials, 400 for bad parameters, `Prefer: code=…, example=…`),
// for a frontend's unit tests. msw (2.x) is an optional peer dependency: only
// this entry needs it.
import { type HttpHandler, HttpResponse, http } from 'msw';
import { operations } from '../../generated/operations.js';
import { answer } from './answer-request.js';
import { checkDataset, type MockData } from './dataset.js';
import dataset from './dataset.json' with { type: 'json' };

export { DatasetError, type MockApi, type MockData, type MockPurchase } from './dataset.js';

/**
 * The data to serve, collection by collection (default: the bundled dataset);
 * checked like a `--data` file. Give any collection and the others start empty.
 */
export type PurchasesHandlersOptions = { [Name in keyof MockData]?: MockData[Name] } & {
  /** Origin the handlers match, e.g. `https://apig.cn-north-4.myhuaweicloud.com` (default: any). */
  baseUrl?: string;
};

/** The bundled dataset, the same `npm run mock` serves. */
export const defaultData: MockData = checkDataset(dataset, 'apig-purchases/msw dataset');
/** The bundled purchases. */
export const defaultPurchases: MockData['purchases'] = defaultData.purchases;

export function createPurchasesHandlers(options: PurchasesHandlersOptions = {}): HttpHandler[] {
  const { baseUrl, ...given } = options;
  const data =
    Object.keys(given).length === 0
      ? defaultData
      : checkDataset(given, `createPurchasesHandlers({ ${Object.keys(given).join(', ')} })`);
  const origin = (baseUrl ?? '*').replace(/\/+$/, '');
  const respond = ({ request }: { request: Request }) => {
    const { status, headers, body } = answer(
      { url: new URL(request.url), headers: request.headers },
      { data },
    );
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
      .join('[^/]+');
    return http[spec.method.toLowerCase() as 'get'](new RegExp(`^${host}${path}$`), respond);
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
