// How the mock answers one request, wherever it runs: behind Prism in
// `npm run mock`, and inside MSW handlers in a frontend's unit tests. Pure:
// a request in, a status, headers and a JSON body out.
//
// Order: the route (the operation table's paths); credentials (401);
// `Prefer: code=…, example=…`, which selects any documented response;
// parameter checks against the table's bounds (400); then the operation's
// data behaviour (behaviours.ts): a list filtered and paged, an item looked
// up, an unknown id 404.

import { examples, unroutedError } from '../../generated/examples.js';
import {
  type OperationId,
  type OperationSpec,
  operations,
  requestIdHeader,
} from '../../generated/operations.js';
import { AUTH_HEADERS } from '../auth/auth-headers.js';
import { defaultOf } from '../shared/operation-defaults.js';
import { type AnyBehaviour, behaviours } from './behaviours.js';
import type { MockData } from './dataset.js';
import { newRequestId } from './request-id.js';
import { decodes, route } from './routes.js';

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
  data: MockData;
}

/** A JSON answer with its own request id. */
export const withBody = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): MockAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json', [requestIdHeader]: newRequestId(), ...headers },
  body,
});

/**
 * The body of a documented response: the named example, else the first. With
 * no operation (a path that matches none), the first operation documenting it.
 */
export function documented(
  operation: OperationId | undefined,
  status: string,
  name?: string,
): { name: string; value: unknown } | undefined {
  const candidates =
    operation === undefined ? (Object.keys(examples) as OperationId[]) : [operation];
  for (const candidate of candidates) {
    const named = examples[candidate][status] ?? [];
    const found = name === undefined ? named[0] : named.find((example) => example.name === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function errorAnswer(
  operation: OperationId | undefined,
  status: number,
  headers: Record<string, string> = {},
): MockAnswer {
  return withBody(status, documented(operation, String(status))?.value ?? null, headers);
}

/** Missing both `X-Auth-Token` and `Authorization`: the gateway's 401 (signatures are not checked). */
export const hasCredentials = (headers: MockRequest['headers']): boolean =>
  Boolean(headers.get(AUTH_HEADERS.token) || headers.get(AUTH_HEADERS.authorization));

export function answer(request: MockRequest, { data }: AnswerOptions): MockAnswer {
  const found = route(request.url.pathname);
  if (found.operation !== undefined && !decodes(request.url.search)) {
    // As the HTTP mock's front refuses it, before anything else.
    return errorAnswer(found.operation, 400, {
      'X-Mock-Problem': 'the URL has a malformed percent-escape',
    });
  }
  if (found.operation === undefined) {
    return found.problem === 'malformed'
      ? errorAnswer(undefined, 400, { 'X-Mock-Problem': 'the path has a malformed percent-escape' })
      : withBody(404, unroutedError);
  }
  const { operation } = found;
  if (!hasCredentials(request.headers)) return errorAnswer(operation, 401);

  const preferred = preferredAnswer(request.headers.get('Prefer'), operation);
  if (preferred !== undefined) return preferred;

  const query = request.url.searchParams;
  const spec = operations[operation];
  const violation = emptyPathParameter(found.path) ?? checkParameters(query, spec);
  if (violation !== undefined) {
    return errorAnswer(operation, 400, {
      'X-Mock-Problem': violation.problem,
      'sl-violations': JSON.stringify([violation.detail]),
    });
  }
  const behaviour: AnyBehaviour = behaviours[operation];
  if (behaviour.kind === 'item') {
    const items = data[behaviour.collection] as readonly Record<string, unknown>[];
    const wanted = found.path[behaviour.parameter];
    const item = items.find((candidate) => candidate[behaviour.field] === wanted);
    return item === undefined ? errorAnswer(operation, 404) : withBody(200, item);
  }
  return withBody(200, pageOf(operation, data, query));
}

/**
 * `Prefer: code=404`, `Prefer: example=sessionExpired` or both: a documented
 * response of the operation. An example name alone is looked up under every
 * status. Anything the operation does not document is a 400 saying so.
 */
function preferredAnswer(prefer: string | null, operation: OperationId): MockAnswer | undefined {
  if (prefer === null) return undefined;
  const code = /(?:^|[,;\s])code=(\d{3})\b/.exec(prefer)?.[1];
  const example = /(?:^|[,;\s])example=([\w-]+)/.exec(prefer)?.[1];
  if (code === undefined && example === undefined) return undefined;
  const statuses = Object.keys(operations[operation].statuses);
  for (const status of code === undefined ? statuses : [code]) {
    if (!statuses.includes(status)) continue;
    const chosen = documented(operation, status, example);
    if (chosen !== undefined) return withBody(Number(status), chosen.value);
  }
  const wanted = [code && `code=${code}`, example && `example=${example}`]
    .filter(Boolean)
    .join(', ');
  return mockRefusal(
    operation,
    `Prefer ${wanted} is not documented for ${operation} (documented: ${statuses.join(', ')})`,
  );
}

/**
 * A 400 for the mock's own reasons (a `Prefer` or a profile the operation
 * does not have), said so in `error_msg` as well as `X-Mock-Problem`: it must
 * not pass for a real API error.
 */
export function mockRefusal(operation: OperationId | undefined, problem: string): MockAnswer {
  const example = documented(operation, '400')?.value;
  const body = typeof example === 'object' && example !== null ? example : {};
  return withBody(400, { ...body, error_msg: `mock: ${problem}` }, { 'X-Mock-Problem': problem });
}

/** A broken request parameter, said as `X-Mock-Problem` and as Prism's `sl-violations` entry. */
interface Violation {
  problem: string;
  detail: { location: string[]; severity: 'Error'; code: string; message: string };
}

/** A path parameter matched by an empty segment (`/groups/`), as Prism reports it. */
function emptyPathParameter(path: Record<string, string>): Violation | undefined {
  const name = Object.keys(path).find((key) => path[key] === '');
  if (name === undefined) return undefined;
  return {
    problem: `the path parameter ${name} is empty`,
    detail: {
      location: ['path'],
      severity: 'Error',
      code: 'required',
      message: `Request path must have required property '${name}'`,
    },
  };
}

/** The first query parameter that breaks the contract's type or bounds, as the HTTP mock (Prism) reports it. */
function checkParameters(query: URLSearchParams, spec: OperationSpec): Violation | undefined {
  const violation = (name: string, code: string, problem: string, must: string): Violation => ({
    problem,
    detail: {
      location: ['query', name],
      severity: 'Error',
      code,
      message: `Request query parameter ${name} must be ${must}`,
    },
  });
  for (const { name, type, minimum, maximum } of spec.queryParameters) {
    // One value per parameter, as Prism has it for these scalar parameters.
    const given = query.getAll(name).length;
    if (given > 1) {
      return violation(name, 'type', `${name} is given ${given} times: give it once`, type);
    }
    const raw = query.get(name);
    if (raw === null || type !== 'integer') continue;
    const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value)) {
      return violation(name, 'type', `${name} must be an integer, got "${raw}"`, 'integer');
    }
    if (minimum !== undefined && value < minimum) {
      return violation(
        name,
        'minimum',
        `${name} must be at least ${minimum}, got ${value}`,
        `>= ${minimum}`,
      );
    }
    if (maximum !== undefined && value > maximum) {
      return violation(
        name,
        'maximum',
        `${name} must be at most ${maximum}, got ${value}`,
        `<= ${maximum}`,
      );
    }
  }
  return undefined;
}

/**
 * One page of a paged list: its behaviour's filters combined with AND,
 * `page_size` 0 returns every match on one page; a `page_no` below 1 is read
 * as 1; a page past the end is empty with the true `total`.
 */
export function pageOf(
  operation: OperationId,
  data: MockData,
  query: URLSearchParams,
): { total: number; size: number } & Record<string, unknown> {
  const spec = operations[operation];
  const behaviour: AnyBehaviour = behaviours[operation];
  if (behaviour.kind !== 'list' || spec.list === undefined) {
    throw new Error(`${operation} is not a paged list`);
  }
  const items = data[behaviour.collection] as readonly Record<string, unknown>[];
  const filters = behaviour.filters
    .map((filter) => ({ ...filter, wanted: query.get(filter.parameter) }))
    .filter((filter) => filter.wanted !== null);
  // Unfiltered (the common list call): the collection itself, no pass over it.
  const matches =
    filters.length === 0
      ? items
      : items.filter((item) =>
          filters.every((filter) => {
            const value = filter.value(item, data);
            return filter.match === 'exact'
              ? value === filter.wanted
              : typeof value === 'string' && value.includes(filter.wanted as string);
          }),
        );
  // The contract's defaults, as the client reads them (page_size 20, page_no 1).
  const pageSize = integerOr(query.get(spec.list.pageSize), defaultOf(spec, spec.list.pageSize));
  const pageNo = Math.max(
    1,
    integerOr(query.get(spec.list.pageNo), defaultOf(spec, spec.list.pageNo)),
  );
  const page = pageSize === 0 ? matches : matches.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  const show = behaviour.show ?? ((item: Record<string, unknown>) => item);
  return { total: matches.length, size: page.length, [spec.list.items]: page.map(show) };
}

const integerOr = (raw: string | null, fallback: number): number =>
  raw === null ? fallback : Number(raw);
