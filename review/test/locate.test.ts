// Locating a finding in the source files: `$ref`s followed into their files
// (relative paths and pointers), parameters found by `in` and name at the
// operation or its path item, keys looked up through `allOf` members, and the
// nearest existing node when the rest is gone. The tree is written here.
import { describe, expect, it } from 'vitest';
import { locateChanges, locator, type SourceFiles } from '../locate.ts';
import { extend, rootPath } from '../steps.ts';

const files: SourceFiles = {
  root: 'openapi/openapi.yaml',
  texts: new Map([
    [
      'openapi/openapi.yaml',
      [
        'openapi: 3.1.0',
        'info: { title: t, version: 1.0.0 }',
        'paths:',
        '  /things/{id}:',
        '    $ref: ./paths/thing.yaml',
        'components:',
        '  schemas:',
        '    Thing:',
        '      $ref: ./schemas/Thing.yaml',
        '',
      ].join('\n'),
    ],
    [
      'openapi/paths/thing.yaml',
      [
        'parameters:',
        '  - $ref: ../parameters/Id.yaml',
        'get:',
        '  parameters:',
        '    - name: verbose',
        '      in: query',
        '      schema: { type: boolean }',
        '  responses:',
        "    '200':",
        '      content:',
        '        application/json:',
        '          schema:',
        "            $ref: '../openapi.yaml#/components/schemas/Thing'",
        '',
      ].join('\n'),
    ],
    ['openapi/parameters/Id.yaml', 'name: id\nin: path\nrequired: true\nschema:\n  type: string\n'],
    [
      'openapi/schemas/Thing.yaml',
      [
        'allOf:',
        '  - $ref: ./Base.yaml',
        '  - type: object',
        '    properties:',
        '      size:',
        '        type: integer',
        '        maximum: 10',
        '',
      ].join('\n'),
    ],
    ['openapi/schemas/Base.yaml', 'type: object\nproperties:\n  name:\n    type: string\n'],
  ]),
};

const body = ['paths', '/things/{id}', 'get', 'responses', '200', 'content', 'application/json'];
const at = locator(files);

describe('locator', () => {
  it('follows $refs into their files, by relative path and pointer', () => {
    expect(at([...body, 'schema', 'properties', 'size', 'maximum'])).toEqual({
      file: 'openapi/schemas/Thing.yaml',
      line: 7,
      column: 9,
      pointer: '/allOf/1/properties/size/maximum',
      exact: true,
    });
    expect(at([...body, 'schema', 'properties', 'name'])).toMatchObject({
      file: 'openapi/schemas/Base.yaml',
      line: 3,
      pointer: '/properties/name',
      exact: true,
    });
  });

  it('finds a parameter by in and name, on the operation or its path item', () => {
    const operation = ['paths', '/things/{id}', 'get'];
    expect(at([...operation, { parameter: 'query verbose' }, 'schema'])).toMatchObject({
      file: 'openapi/paths/thing.yaml',
      line: 7,
      pointer: '/get/parameters/0/schema',
    });
    expect(at([...operation, { parameter: 'path id' }, 'required'])).toMatchObject({
      file: 'openapi/parameters/Id.yaml',
      line: 3,
      pointer: '/required',
      exact: true,
    });
  });

  it('stops at the nearest node that exists when the rest is gone', () => {
    // No member has `colour`: the first `properties` on the way is the nearest node.
    expect(at([...body, 'schema', 'properties', 'colour', 'type'])).toMatchObject({
      file: 'openapi/schemas/Base.yaml',
      pointer: '/properties',
      exact: false,
    });
    expect(at(['paths', '/things/{id}', 'delete'])).toMatchObject({
      file: 'openapi/paths/thing.yaml',
      line: 1,
      pointer: '',
      exact: false,
    });
    expect(at(['paths', '/gone'])).toMatchObject({
      file: 'openapi/openapi.yaml',
      line: 3,
      pointer: '/paths',
      exact: false,
    });
  });

  it("finds a component the root does not list by Redocly's name for it: its file's", () => {
    const unlisted: SourceFiles = {
      root: 'openapi/openapi.yaml',
      texts: new Map([
        ['openapi/openapi.yaml', 'openapi: 3.1.0\ncomponents:\n  securitySchemes: {}\n'],
        [
          'openapi/components/schemas/Base.yaml',
          'type: object\nproperties:\n  name:\n    type: string\n',
        ],
      ]),
    };
    expect(locator(unlisted)(['components', 'schemas', 'Base', 'properties', 'name'])).toEqual({
      file: 'openapi/components/schemas/Base.yaml',
      line: 3,
      column: 3,
      pointer: '/properties/name',
      exact: true,
    });
  });

  it('gives up on a $ref cycle instead of looping, and on a file it was not given', () => {
    const loop: SourceFiles = {
      root: 'openapi/a.yaml',
      texts: new Map([
        ['openapi/a.yaml', 'x:\n  $ref: ./b.yaml\n'],
        ['openapi/b.yaml', '$ref: ./a.yaml#/x\n'],
      ]),
    };
    expect(locator(loop)(['x', 'y'])).toMatchObject({ exact: false });
    const missing: SourceFiles = {
      root: 'openapi/a.yaml',
      texts: new Map([['openapi/a.yaml', 'x:\n  $ref: ./elsewhere.yaml\n']]),
    };
    expect(locator(missing)(['x', 'y'])).toMatchObject({
      file: 'openapi/a.yaml',
      pointer: '/x',
      exact: false,
    });
  });
});

describe('locateChanges', () => {
  it("adds the base's place only when the head no longer has the node, and drops the steps", () => {
    const steps = extend(rootPath, [...body, 'schema', 'properties', 'size']);
    const gone = extend(extend(rootPath, body), ['schema', 'properties', 'weight']);
    const [kept, removed] = locateChanges(
      [
        { rule: 'a', at: { base: steps, head: steps } },
        { rule: 'b', at: { base: steps, head: gone } },
      ],
      { base: files, head: files },
    );
    expect(kept).toEqual({
      rule: 'a',
      location: expect.objectContaining({ line: 5, exact: true }),
    });
    expect(removed).toEqual({
      rule: 'b',
      location: expect.objectContaining({ exact: false }),
      baseLocation: expect.objectContaining({ line: 5, exact: true }),
    });
  });
});
