// Checks arguments against the contract's bounds before any request, so a
// mistake is reported with the parameter's name instead of a 400 round trip.
import { ApigArgumentError } from './errors.js';
import type { ListPurchasedGroupsQuery } from './types.js';

/** Bounds from openapi/components/parameters/Page*.yaml (a unit test pins them to the contract). */
export const PAGE_SIZE = { minimum: 0, maximum: 500, default: 20 } as const;
/** No bound is documented for page_no: any integer is passed on. */
export const PAGE_NO = { default: 1 } as const;

const FILTERS = ['id', 'group_id', 'group_name'] as const;
const KNOWN_QUERY_KEYS = new Set<string>([...FILTERS, 'page_size', 'page_no']);

export function checkPurchaseId(purchaseId: unknown): string {
  if (typeof purchaseId !== 'string') {
    throw new ApigArgumentError('purchaseId', `must be a string, got ${typeof purchaseId}`);
  }
  if (purchaseId.length === 0) throw new ApigArgumentError('purchaseId', 'must not be empty');
  checkWellFormed('purchaseId', purchaseId);
  // URLs normalise these segments away (WHATWG URL treats %2E%2E as ".." too),
  // so they could never reach the gateway as an id.
  if (purchaseId === '.' || purchaseId === '..') {
    throw new ApigArgumentError('purchaseId', `must not be "${purchaseId}"`);
  }
  return purchaseId;
}

export function checkListQuery(query: unknown): ListPurchasedGroupsQuery {
  if (query === undefined) return {};
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw new ApigArgumentError('query', 'must be an object of filters and paging parameters');
  }
  const record = query as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_QUERY_KEYS.has(key)) {
      throw new ApigArgumentError(
        key,
        `is not a parameter of listPurchasedGroups (expected one of ${[...KNOWN_QUERY_KEYS].join(', ')})`,
      );
    }
  }
  for (const key of FILTERS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string')
      throw new ApigArgumentError(key, `must be a string, got ${typeof value}`);
    checkWellFormed(key, value);
  }
  checkInteger('page_size', record.page_size, PAGE_SIZE.minimum, PAGE_SIZE.maximum);
  checkInteger('page_no', record.page_no, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return record as ListPurchasedGroupsQuery;
}

// RFC 9110 token characters: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// CR and LF would end the header (request splitting), NUL is never valid.
const HEADER_BREAK = /[\r\n\0]/;

/** `CallOptions.headers`, checked before any request; a message names the header, never its value. */
export function checkHeaders(headers: unknown): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new ApigArgumentError('headers', 'must be an object of header names and values');
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new ApigArgumentError(`headers[${JSON.stringify(name)}]`, 'is not a valid header name');
    }
    if (typeof value !== 'string') {
      throw new ApigArgumentError(`headers.${name}`, `must be a string, got ${typeof value}`);
    }
    if (HEADER_BREAK.test(value)) {
      throw new ApigArgumentError(`headers.${name}`, 'must not contain CR, LF or NUL');
    }
  }
  return headers as Record<string, string>;
}

// A lone UTF-16 surrogate has no UTF-8 form: it cannot be percent-encoded
// (encodeURIComponent throws URIError) nor sent.
function checkWellFormed(parameter: string, value: string): void {
  if (!/^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(value)) {
    throw new ApigArgumentError(
      parameter,
      'must be well-formed Unicode (it contains a lone surrogate)',
    );
  }
}

function checkInteger(parameter: string, value: unknown, minimum: number, maximum: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ApigArgumentError(
      parameter,
      `must be an integer, got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
  if (value < minimum || value > maximum) {
    throw new ApigArgumentError(parameter, `must be from ${minimum} to ${maximum}, got ${value}`);
  }
}
