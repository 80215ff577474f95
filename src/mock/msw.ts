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

export { DatasetError, type MockData, type MockPurchase } from './dataset.js';

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
  // `{purchase_id}` in the contract is `:purchase_id` in MSW.
  return Object.values(operations).map((spec) =>
    http[spec.method.toLowerCase() as 'get'](
      `${origin}${spec.path.replace(/\{([^}]+)\}/g, ':$1')}`,
      respond,
    ),
  );
}
