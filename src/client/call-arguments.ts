// Checks arguments against the operation table's types and bounds (so the
// contract's) before any request, so a mistake is reported with the
// parameter's name instead of a 400 round trip.
import type { OperationSpec, QueryParameter } from '../../generated/operations.js';
import { ApigArgumentError } from '../shared/errors.js';
import type { CallOptions } from './options.js';

/** A path argument (`purchaseId`): a non-empty, well-formed string that survives URL normalisation. */
export function checkPathArgument(argument: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new ApigArgumentError(argument, `must be a string, got ${typeof value}`);
  }
  if (value.length === 0) throw new ApigArgumentError(argument, 'must not be empty');
  checkWellFormed(argument, value);
  // URLs normalise these segments away (WHATWG URL treats %2E%2E as ".." too),
  // so they could never reach the gateway as an id.
  if (value === '.' || value === '..') {
    throw new ApigArgumentError(argument, `must not be "${value}"`);
  }
  return value;
}

/** The query of `spec`: known parameters only, each of its type and within its bounds. */
export function checkQuery(spec: OperationSpec, query: unknown): Record<string, unknown> {
  if (query === undefined) return {};
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw new ApigArgumentError('query', 'must be an object of filters and paging parameters');
  }
  const record = query as Record<string, unknown>;
  const known = spec.queryParameters.map((parameter) => parameter.name);
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      throw new ApigArgumentError(
        key,
        known.length > 0
          ? `is not a parameter of ${spec.operationId} (expected one of ${known.join(', ')})`
          : `is not a parameter of ${spec.operationId}, which has no query parameters: call options go after the query (${spec.operationId}(${[...spec.pathParameters.map((parameter) => parameter.argument), 'undefined', 'options'].join(', ')}))`,
      );
    }
  }
  for (const parameter of spec.queryParameters) checkValue(parameter, record[parameter.name]);
  return record;
}

function checkValue(parameter: QueryParameter, value: unknown): void {
  if (value === undefined) return;
  const { name } = parameter;
  if (parameter.type === 'string') {
    if (typeof value !== 'string') {
      throw new ApigArgumentError(name, `must be a string, got ${typeof value}`);
    }
    checkWellFormed(name, value);
    return;
  }
  if (parameter.type !== 'integer') return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ApigArgumentError(
      name,
      `must be an integer, got ${typeof value === 'number' ? value : typeof value}`,
    );
  }
  // No bound in the contract: any safe integer is passed on.
  const minimum = parameter.minimum ?? Number.MIN_SAFE_INTEGER;
  const maximum = parameter.maximum ?? Number.MAX_SAFE_INTEGER;
  if (value < minimum || value > maximum) {
    throw new ApigArgumentError(name, `must be from ${minimum} to ${maximum}, got ${value}`);
  }
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

/**
 * A method's arguments as the table lays them out: one string per path
 * parameter, then the query, then the options. Every operation has the query
 * slot, with or without query parameters today, so that a parameter added
 * later (a non-breaking change) moves no argument (docs/client.md). The
 * headers of the options are checked; the rest is the caller's to read.
 */
export function splitArguments(spec: OperationSpec, args: readonly unknown[]) {
  const values: Record<string, string> = {};
  let path = spec.path;
  spec.pathParameters.forEach((parameter, index) => {
    const value = checkPathArgument(parameter.argument, args[index]);
    values[parameter.name] = value;
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
  });
  const next = spec.pathParameters.length;
  const query = checkQuery(spec, args[next]);
  const options = (args[next + 1] ?? {}) as CallOptions;
  return { path, values, query, options, headers: checkHeaders(options.headers) };
}
