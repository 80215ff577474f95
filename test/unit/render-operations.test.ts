// The operation table's generator (scripts/render-operations.ts) on small
// contracts of its own: iterator names, and what it refuses.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../lib/json.ts';
import { operationTable, renderOperations } from '../../scripts/render-operations.ts';

const paged = (operationId: string) => ({
  get: {
    operationId,
    summary: operationId,
    parameters: [
      { name: 'page_size', in: 'query', schema: { type: 'integer', default: 20 } },
      { name: 'page_no', in: 'query', schema: { type: 'integer', default: 1 } },
    ],
    responses: {
      '200': {
        description: 'A page.',
        headers: { 'X-Request-Id': { schema: { type: 'string' } } },
        content: {
          'application/json': {
            schema: { type: 'object', properties: { things: { type: 'array', items: {} } } },
          },
        },
      },
    },
  },
});

const contract = (paths: JsonObject): JsonObject => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  servers: [{ url: 'https://api.{region}.example.test' }],
  paths,
});

describe('the operation table', () => {
  it('names a paged list’s iterator after it: listThings → iterateThings, searchThings → iterateSearchThings', () => {
    const table = operationTable(
      contract({ '/a': paged('listThings'), '/b': paged('searchThings') }),
    );
    expect(table.map((spec) => spec.list?.iterator)).toEqual([
      'iterateThings',
      'iterateSearchThings',
    ]);
  });

  it('refuses two client methods of one name, naming both', () => {
    expect(() =>
      renderOperations(contract({ '/a': paged('listThings'), '/b': paged('iterateThings') })),
    ).toThrow(
      'the client would have two methods named iterateThings (the iterator of listThings and the operation of iterateThings): rename the operationId of one of them in openapi/',
    );
  });

  it('carries the server URL template and the request id header from the contract', () => {
    const { js } = renderOperations(contract({ '/a': paged('listThings') }));
    expect(js).toContain('export const serverUrl = "https://api.{region}.example.test";');
    expect(js).toContain('export const requestIdHeader = "X-Request-Id";');
  });
});
