// How the mock answers one request, wherever it runs: behind Prism in
// `npm run mock`, and inside MSW handlers in a frontend's unit tests. Pure:
// a request in, a status, headers and a JSON body out.
//
// Order: the route; credentials (401); `Prefer: code=…, example=…`, which
// selects any documented response; parameter checks against the contract's
// bounds (400); then the data: the list filtered and paged, the detail looked
// up, an unknown id 404.

import { AUTH_HEADERS } from '../auth-headers.js';
import type {
  ListPurchasedGroupsQuery,
  PurchasedGroupList,
  PurchasedGroupSummary,
} from '../types.js';
import type { MockPurchase } from './dataset.js';
import { route } from './routes.js';

type Operation = 'listPurchasedGroups' | 'getPurchasedGroup';

export interface ParameterBounds {
  type?: string;
  minimum?: number;
  maximum?: number;
  default?: number;
}

/** What the mock needs of the contract: written by `npm run generate` into responses.json. */
export interface ContractResponses {
  operations: Record<
    Operation,
    {
      /** Documented statuses, each with its named examples, the first being the default. */
      responses: Record<string, { name: string; value: unknown }[]>;
      parameters: Record<string, ParameterBounds>;
    }
  >;
}

export interface MockRequest {
  url: URL;
  headers: { get(name: string): string | null };
}

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface AnswerOptions {
  purchases: readonly MockPurchase[];
  contract: ContractResponses;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): MockAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body,
});

/** The body of a documented response: the named example, else the first. */
function documented(
  contract: ContractResponses,
  operation: Operation,
  status: string,
  name?: string,
): { name: string; value: unknown } | undefined {
  const examples = contract.operations[operation].responses[status] ?? [];
  return name === undefined ? examples[0] : examples.find((example) => example.name === name);
}

function errorAnswer(
  contract: ContractResponses,
  operation: Operation,
  status: number,
  headers: Record<string, string> = {},
): MockAnswer {
  return json(status, documented(contract, operation, String(status))?.value ?? null, headers);
}

/** Missing both `X-Auth-Token` and `Authorization`: the gateway's 401 (signatures are not checked). */
export const hasCredentials = (headers: MockRequest['headers']): boolean =>
  Boolean(headers.get(AUTH_HEADERS.token) || headers.get(AUTH_HEADERS.authorization));

export function answer(request: MockRequest, { purchases, contract }: AnswerOptions): MockAnswer {
  const found = route(request.url.pathname);
  if (found.operation === undefined) {
    return found.problem === 'malformed'
      ? errorAnswer(contract, 'getPurchasedGroup', 400, {
          'X-Mock-Problem': 'the path has a malformed percent-escape',
        })
      : json(404, {
          error_code: 'APIGW.0101',
          error_msg: 'The API does not exist or has not been published in the environment',
        });
  }
  const { operation } = found;
  if (!hasCredentials(request.headers)) return errorAnswer(contract, operation, 401);

  const preferred = preferredAnswer(request.headers.get('Prefer'), operation, contract);
  if (preferred !== undefined) return preferred;

  const query = request.url.searchParams;
  const problem = checkParameters(query, contract.operations[operation].parameters);
  if (problem !== undefined) {
    return errorAnswer(contract, operation, 400, { 'X-Mock-Problem': problem });
  }
  if (found.operation === 'getPurchasedGroup') {
    const purchase = purchases.find((candidate) => candidate.id === found.purchaseId);
    return purchase === undefined ? errorAnswer(contract, operation, 404) : json(200, purchase);
  }
  return json(200, listPage(purchases, query, contract.operations[operation].parameters));
}

/**
 * `Prefer: code=404`, `Prefer: example=sessionExpired` or both: a documented
 * response of the operation. An example name alone is looked up under every
 * status. Anything the operation does not document is a 400 saying so.
 */
function preferredAnswer(
  prefer: string | null,
  operation: Operation,
  contract: ContractResponses,
): MockAnswer | undefined {
  if (prefer === null) return undefined;
  const code = /(?:^|[,;\s])code=(\d{3})\b/.exec(prefer)?.[1];
  const example = /(?:^|[,;\s])example=([\w-]+)/.exec(prefer)?.[1];
  if (code === undefined && example === undefined) return undefined;
  const responses = contract.operations[operation].responses;
  const statuses = code === undefined ? Object.keys(responses) : [code];
  for (const status of statuses) {
    const chosen = documented(contract, operation, status, example);
    if (chosen !== undefined) return json(Number(status), chosen.value);
  }
  const wanted = [code && `code=${code}`, example && `example=${example}`]
    .filter(Boolean)
    .join(', ');
  return errorAnswer(contract, operation, 400, {
    'X-Mock-Problem': `Prefer ${wanted} is not documented for ${operation} (statuses ${Object.keys(responses).join(', ')})`,
  });
}

/** The first query parameter that breaks the contract's type or bounds, described. */
function checkParameters(
  query: URLSearchParams,
  parameters: Record<string, ParameterBounds>,
): string | undefined {
  for (const [name, bounds] of Object.entries(parameters)) {
    const raw = query.get(name);
    if (raw === null || bounds.type !== 'integer') continue;
    const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value)) return `${name} must be an integer, got "${raw}"`;
    if (bounds.minimum !== undefined && value < bounds.minimum) {
      return `${name} must be at least ${bounds.minimum}, got ${value}`;
    }
    if (bounds.maximum !== undefined && value > bounds.maximum) {
      return `${name} must be at most ${bounds.maximum}, got ${value}`;
    }
  }
  return undefined;
}

/**
 * Filters combine with AND: `id` and `group_id` match exactly, `group_name`
 * by substring (case-sensitive). `page_size` 0 returns every match on one
 * page; a `page_no` below 1 is read as 1; a page past the end is empty with
 * the true `total`.
 */
export function listPage(
  purchases: readonly MockPurchase[],
  query: URLSearchParams,
  parameters: Record<string, ParameterBounds>,
): PurchasedGroupList {
  const filters = {
    id: query.get('id'),
    group_id: query.get('group_id'),
    group_name: query.get('group_name'),
  } satisfies Partial<Record<keyof ListPurchasedGroupsQuery, string | null>>;
  const matches = purchases.filter(
    (purchase) =>
      (filters.id === null || purchase.id === filters.id) &&
      (filters.group_id === null || purchase.group_id === filters.group_id) &&
      (filters.group_name === null || purchase.group_name.includes(filters.group_name)),
  );
  const pageSize = integerOr(query.get('page_size'), parameters.page_size?.default ?? 20);
  const pageNo = Math.max(1, integerOr(query.get('page_no'), parameters.page_no?.default ?? 1));
  const page = pageSize === 0 ? matches : matches.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return { total: matches.length, size: page.length, purchases: page.map(summary) };
}

/** As the list shows a purchase: no domain names (the seed sends `null`). */
const summary = (purchase: MockPurchase): PurchasedGroupSummary => ({
  ...purchase,
  group_domains: null,
});

const integerOr = (raw: string | null, fallback: number): number =>
  raw === null ? fallback : Number(raw);
