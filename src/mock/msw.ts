// `apig-purchases/msw`: MSW request handlers for both purchase operations,
// answering from the same dataset and with the same behaviour as
// `npm run mock` (filters, paging, 404 for an unknown id, 401 without
// credentials, 400 for bad parameters, `Prefer: code=…, example=…`), for a
// frontend's unit tests. msw (2.x) is an optional peer dependency: only this
// entry needs it.
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { ApigErrorBody, PurchasedGroup, PurchasedGroupList } from '../types.js';
import { type AnswerOptions, answer, type ContractResponses } from './answer-request.js';
import { checkDataset, type MockPurchase } from './dataset.js';
import dataset from './purchases.json' with { type: 'json' };
import contract from './responses.json' with { type: 'json' };
import { LIST_PATH } from './routes.js';

export { DatasetError, type MockPurchase } from './dataset.js';

export interface PurchasesHandlersOptions {
  /** The purchases to serve (default: the bundled dataset of 120); checked like a `--data` file. */
  purchases?: readonly MockPurchase[];
  /** Origin the handlers match, e.g. `https://apig.cn-north-4.myhuaweicloud.com` (default: any). */
  baseUrl?: string;
}

/** The bundled dataset, the same `npm run mock` serves. */
export const defaultPurchases: readonly MockPurchase[] = checkDataset(
  dataset,
  'apig-purchases/msw dataset',
);

export function createPurchasesHandlers(options: PurchasesHandlersOptions = {}): HttpHandler[] {
  const purchases =
    options.purchases === undefined
      ? defaultPurchases
      : checkDataset({ purchases: options.purchases }, 'createPurchasesHandlers({ purchases })');
  const settings: AnswerOptions = {
    purchases,
    contract: contract as unknown as ContractResponses,
  };
  const origin = (options.baseUrl ?? '*').replace(/\/+$/, '');
  // The answer's body is what the contract documents for its status: typed as such.
  const respond =
    <Body extends PurchasedGroupList | PurchasedGroup | ApigErrorBody>() =>
    ({ request }: { request: Request }) => {
      const { status, headers, body } = answer(
        { url: new URL(request.url), headers: request.headers },
        settings,
      );
      return HttpResponse.json<Body>(body as Body, { status, headers });
    };
  return [
    http.get<never, never, PurchasedGroupList | ApigErrorBody>(
      `${origin}${LIST_PATH}`,
      respond<PurchasedGroupList | ApigErrorBody>(),
    ),
    http.get<{ purchase_id: string }, never, PurchasedGroup | ApigErrorBody>(
      `${origin}${LIST_PATH}/:purchase_id`,
      respond<PurchasedGroup | ApigErrorBody>(),
    ),
  ];
}
