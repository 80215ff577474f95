// The schema view the property rules compare: refs followed, allOf merged,
// and the OpenAPI 3.1 ways of saying "may be null" read as one.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../lib/json.ts';
import { compareContracts } from '../compare.ts';
import { plainOf } from '../inert.ts';
import { valueTypes, viewSchema } from '../schema.ts';

const document: JsonObject = {
  components: {
    schemas: {
      Base: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, note: { type: ['string', 'null'] } },
      },
      Child: {
        description: 'Base plus tags.',
        allOf: [
          { $ref: '#/components/schemas/Base' },
          {
            type: 'object',
            required: ['tags'],
            properties: { tags: { type: 'array', items: { type: 'string' } } },
          },
        ],
      },
    },
  },
};

const view = (schema: JsonObject) => viewSchema(document, schema);

describe('viewSchema', () => {
  it('merges allOf members reached through $ref: properties and required add up', () => {
    const child = view({ $ref: '#/components/schemas/Child' });
    expect([...child.properties.keys()].sort()).toEqual(['id', 'note', 'tags']);
    expect([...child.required].sort()).toEqual(['id', 'tags']);
    expect(valueTypes(child)).toEqual(['object']);
    expect(child.merged.description).toBe('Base plus tags.');
  });

  it('keeps a property both allOf members define as both constraints', () => {
    const merged = view({
      allOf: [
        { properties: { code: { type: ['string', 'integer'] } } },
        { properties: { code: { type: 'string', description: 'narrowed' } } },
      ],
    });
    const code = viewSchema(document, merged.properties.get('code'));
    expect(valueTypes(code)).toEqual(['string']);
  });

  it.each([
    ['type: [string, null]', { type: ['string', 'null'] }],
    ["type: [null, string] (order doesn't matter)", { type: ['null', 'string'] }],
    ['oneOf with a null branch', { oneOf: [{ type: 'string' }, { type: 'null' }] }],
    ['anyOf with a null branch', { anyOf: [{ type: 'null' }, { type: 'string' }] }],
    ['OpenAPI 3.0 nullable: true', { type: 'string', nullable: true }],
  ])('reads %s as a nullable string', (_name, schema) => {
    const seen = view(schema as JsonObject);
    expect(seen.nullable).toBe(true);
    expect(valueTypes(seen)).toEqual(['string']);
  });

  it("reads type: 'null' as always null, which is not the same as any type", () => {
    const alwaysNull = view({ type: 'null' });
    expect(alwaysNull.nullable).toBe(true);
    expect(valueTypes(alwaysNull)).toEqual([]);
    expect(valueTypes(view({}))).toBeUndefined();
  });

  it('infers object and array from properties and items', () => {
    expect(valueTypes(view({ properties: { a: { type: 'string' } } }))).toEqual(['object']);
    expect(valueTypes(view({ items: { type: 'string' } }))).toEqual(['array']);
  });

  it('unions the types of a oneOf with several value branches', () => {
    expect(valueTypes(view({ oneOf: [{ type: 'string' }, { type: 'integer' }] }))).toEqual([
      'integer',
      'string',
    ]);
  });

  it('does not loop on a schema that refers to itself', () => {
    const loop: JsonObject = {
      components: { schemas: { Node: { allOf: [{ $ref: '#/components/schemas/Node' }] } } },
    };
    expect(() => viewSchema(loop, { $ref: '#/components/schemas/Node' })).not.toThrow();
  });
});

describe('recursive schemas', () => {
  // A binary tree: each node refers to itself twice. Without a cycle guard the
  // walk would double at every level.
  const tree = (description: string): JsonObject => ({
    openapi: '3.1.0',
    info: { title: 'tree', version: '1.0.0' },
    paths: {
      '/tree': {
        get: {
          responses: {
            '200': {
              description: 'A tree.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Node: {
          type: 'object',
          properties: {
            label: { type: 'string', description },
            left: { $ref: '#/components/schemas/Node' },
            right: { $ref: '#/components/schemas/Node' },
          },
        },
      },
    },
  });

  it('compares a self-referencing schema once, and quickly', () => {
    const started = performance.now();
    const changes = compareContracts(tree('Label.'), tree('The label.'));
    expect(performance.now() - started).toBeLessThan(1000);
    // `left` and `right` are the same Node again: the same change, not reported twice more.
    expect(changes.map((found) => plainOf(found.message))).toEqual([
      'status `200`: response property `label`: description changed',
    ]);
  });
});

describe('schemas that are their own alternative', () => {
  const contract = (extra: JsonObject): JsonObject => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/a': {
        get: {
          responses: {
            '200': {
              description: 'x',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        A: { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'string', ...extra }] },
        B: { anyOf: [{ allOf: [{ $ref: '#/components/schemas/B' }] }, { type: 'integer' }] },
      },
    },
  });

  it('are compared without running away (a pull request may send one)', () => {
    expect(compareContracts(contract({}), contract({}))).toEqual([]);
    const changes = compareContracts(contract({}), contract({ maxLength: 3 }));
    // The changed branch is matched (by its type) and compared as a value: a bound appeared.
    expect(changes.map((change) => change.rule).sort()).toEqual([
      'response-property-bounds-narrowed',
    ]);
    expect(viewSchema(contract({}), { $ref: '#/components/schemas/B' }).types).toBeUndefined();
  });
});
