// Single-keyword edits of a bundled contract at random places, to measure
// how many of the changes a review meets land on a named rule, on "no
// change" (an equivalent spelling) or on the unclassified net. Each edit
// touches one keyword of one node: a schema (components, parameters, headers,
// the nodes inside them), a parameter, a response, a media type or an
// operation. Deterministic for a seed. Used by bench/review-edits.ts (1,000
// edits, the figure) and review/test/edits.test.ts (a fixed sample).
import { escapePointerToken, isObject, type Json, type JsonObject } from '../lib/json.ts';
import { compareContracts } from './compare.ts';
import { httpMethods } from './operations.ts';

export type Outcome = 'named' | 'no change' | 'unclassified';

export interface EditResult {
  /** What was edited, e.g. `schema /components/schemas/Purchase/properties/quota: maximum decreased`. */
  edit: string;
  outcome: Outcome;
  /** The rules that reported it (or `unclassified`). */
  rules: string[];
  /** The unclassified net's messages, when it fired. */
  unclassified: string[];
}

type Random = () => number;

/** mulberry32: deterministic pseudo-random numbers in [0, 1). */
export function seeded(seed: number): Random {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

type Kind = 'schema' | 'parameter' | 'response' | 'media' | 'operation';
interface Place {
  kind: Kind;
  pointer: string;
  node: JsonObject;
}

const schemaChildren = ['items', 'additionalProperties', 'not'];
const schemaLists = ['allOf', 'oneOf', 'anyOf'];

function schemaPlaces(pointer: string, node: Json | undefined, out: Place[]): void {
  if (!isObject(node) || typeof node.$ref === 'string') return;
  out.push({ kind: 'schema', pointer, node });
  if (isObject(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) {
      schemaPlaces(`${pointer}/properties/${name}`, child, out);
    }
  }
  for (const key of schemaChildren) schemaPlaces(`${pointer}/${key}`, node[key], out);
  for (const key of schemaLists) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((child, i) => {
        schemaPlaces(`${pointer}/${key}/${i}`, child, out);
      });
  }
}

/** Every node an edit may touch, with its pointer. */
export function placesOf(document: JsonObject): Place[] {
  const out: Place[] = [];
  const components = isObject(document.components) ? document.components : {};
  for (const [name, schema] of Object.entries(
    isObject(components.schemas) ? components.schemas : {},
  )) {
    schemaPlaces(`/components/schemas/${name}`, schema, out);
  }
  const parameter = (pointer: string, node: Json | undefined) => {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    out.push({ kind: 'parameter', pointer, node });
    schemaPlaces(`${pointer}/schema`, node.schema, out);
  };
  const response = (pointer: string, node: Json | undefined) => {
    if (!isObject(node) || typeof node.$ref === 'string') return;
    out.push({ kind: 'response', pointer, node });
    for (const [name, header] of Object.entries(isObject(node.headers) ? node.headers : {})) {
      if (isObject(header)) schemaPlaces(`${pointer}/headers/${name}/schema`, header.schema, out);
    }
    for (const [type, media] of Object.entries(isObject(node.content) ? node.content : {})) {
      if (!isObject(media)) continue;
      out.push({
        kind: 'media',
        pointer: `${pointer}/content/${type.replaceAll('/', '~1')}`,
        node: media,
      });
      schemaPlaces(`${pointer}/content/${type.replaceAll('/', '~1')}/schema`, media.schema, out);
    }
  };
  for (const [name, node] of Object.entries(
    isObject(components.parameters) ? components.parameters : {},
  )) {
    parameter(`/components/parameters/${name}`, node);
  }
  for (const [name, node] of Object.entries(
    isObject(components.responses) ? components.responses : {},
  )) {
    response(`/components/responses/${name}`, node);
  }
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    const at = `/paths/${escapePointerToken(path)}`;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      out.push({ kind: 'operation', pointer: `${at}/${method}`, node: operation });
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      parameters.forEach((p, i) => {
        parameter(`${at}/${method}/parameters/${i}`, p);
      });
      for (const [status, r] of Object.entries(
        isObject(operation.responses) ? operation.responses : {},
      )) {
        response(`${at}/${method}/responses/${status}`, r);
      }
    }
  }
  return out;
}

type Edit = (node: JsonObject, random: Random) => string | undefined;

const numberEdit =
  (keyword: string, fallback: number): Edit =>
  (node, random) => {
    const value = node[keyword];
    const way =
      typeof value === 'number' ? pick(random, ['increased', 'decreased', 'removed']) : 'set';
    if (way === 'removed') delete node[keyword];
    else if (way === 'set') node[keyword] = fallback;
    else node[keyword] = (value as number) + (way === 'increased' ? 1 : -1);
    return `${keyword} ${way}`;
  };

const flagEdit =
  (keyword: string): Edit =>
  (node) => {
    const was = node[keyword] === true;
    if (was) delete node[keyword];
    else node[keyword] = true;
    return `${keyword} ${was ? 'unset' : 'set'}`;
  };

const textEdit =
  (keyword: string): Edit =>
  (node) => {
    node[keyword] = `${typeof node[keyword] === 'string' ? node[keyword] : ''} (edited)`;
    return `${keyword} edited`;
  };

const types = ['string', 'integer', 'number', 'boolean', 'array', 'object'];

const schemaEdits: Record<string, Edit> = {
  type: (node, random) => {
    const now = typeof node.type === 'string' ? node.type : undefined;
    const way = pick(random, ['changed', 'listed with another', 'null added', 'removed']);
    if (way === 'removed') delete node.type;
    else if (way === 'null added') node.type = [now ?? 'string', 'null'];
    else if (way === 'listed with another')
      node.type = [
        now ?? 'string',
        pick(
          random,
          types.filter((t) => t !== now),
        ),
      ];
    else
      node.type = pick(
        random,
        types.filter((t) => t !== now),
      );
    return `type ${way}`;
  },
  format: (node, random) => {
    const way = node.format === undefined ? 'added' : pick(random, ['changed', 'removed']);
    if (way === 'removed') delete node.format;
    else node.format = pick(random, ['date-time', 'date', 'uuid', 'int64', 'uri']);
    return `format ${way}`;
  },
  minimum: numberEdit('minimum', 0),
  maximum: numberEdit('maximum', 1000),
  exclusiveMinimum: numberEdit('exclusiveMinimum', -1),
  exclusiveMaximum: numberEdit('exclusiveMaximum', 1001),
  minLength: numberEdit('minLength', 1),
  maxLength: numberEdit('maxLength', 64),
  minItems: numberEdit('minItems', 1),
  maxItems: numberEdit('maxItems', 100),
  pattern: (node, random) => {
    const way = node.pattern === undefined ? 'added' : pick(random, ['changed', 'removed']);
    if (way === 'removed') delete node.pattern;
    else node.pattern = way === 'added' ? '^[a-z0-9_-]+$' : `${String(node.pattern)}|^x$`;
    return `pattern ${way}`;
  },
  enum: (node, random) => {
    const list = Array.isArray(node.enum) ? node.enum : undefined;
    const way =
      list === undefined ? 'added' : pick(random, ['value added', 'value removed', 'dropped']);
    if (way === 'dropped') delete node.enum;
    else if (way === 'added') node.enum = ['a', 'b'];
    else if (way === 'value added') node.enum = [...(list ?? []), 'zz-new'];
    else node.enum = (list ?? []).slice(1);
    return `enum ${way}`;
  },
  default: (node, random) => {
    const way = node.default === undefined ? 'added' : pick(random, ['changed', 'removed']);
    if (way === 'removed') delete node.default;
    else node.default = way === 'added' ? 'x' : `${JSON.stringify(node.default)}-changed`;
    return `default ${way}`;
  },
  required: (node, random) => {
    const names = isObject(node.properties) ? Object.keys(node.properties) : [];
    const required = Array.isArray(node.required) ? node.required.map(String) : [];
    const optional = names.filter((name) => !required.includes(name));
    if (required.length > 0 && (optional.length === 0 || random() < 0.5)) {
      node.required = required.slice(1);
      return 'a required property became optional';
    }
    if (optional.length === 0) return undefined;
    node.required = [...required, pick(random, optional)];
    return 'a property became required';
  },
  properties: (node, random) => {
    const properties = isObject(node.properties) ? node.properties : undefined;
    if (properties === undefined) return undefined;
    if (random() < 0.5) {
      properties.added_by_edit = { type: 'string' };
      return 'property added';
    }
    const names = Object.keys(properties);
    if (names.length === 0) return undefined;
    delete properties[pick(random, names)];
    return 'property removed';
  },
  description: textEdit('description'),
  title: textEdit('title'),
  example: (node) => {
    node.example = 'edited example';
    return 'example changed';
  },
  deprecated: flagEdit('deprecated'),
  'x-sunset': (node) => {
    node.deprecated = true;
    node['x-sunset'] = '2027-06-30';
    return 'deprecated with x-sunset';
  },
  readOnly: flagEdit('readOnly'),
  writeOnly: flagEdit('writeOnly'),
  additionalProperties: (node, random) => {
    const way = pick(random, ['false', 'removed', 'schema']);
    if (way === 'removed') delete node.additionalProperties;
    else node.additionalProperties = way === 'false' ? false : { type: 'string' };
    return `additionalProperties ${way}`;
  },
  oneOf: (node) => {
    const copy = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    node.oneOf = [copy, { type: 'object', properties: { other: { type: 'string' } } }];
    return 'wrapped in oneOf';
  },
  allOf: (node) => {
    const copy = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    node.allOf = [copy];
    return 'wrapped in allOf (equivalent)';
  },
  nullable: (node) => {
    const copy = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    node.oneOf = [copy, { type: 'null' }];
    return 'made nullable with oneOf';
  },
  uniqueItems: flagEdit('uniqueItems'),
  multipleOf: (node) => {
    node.multipleOf = node.multipleOf === undefined ? 5 : Number(node.multipleOf) * 2;
    return 'multipleOf set or changed';
  },
  minProperties: numberEdit('minProperties', 1),
  maxProperties: numberEdit('maxProperties', 50),
};

const parameterEdits: Record<string, Edit> = {
  required: (node, random) => (node.in === 'path' ? undefined : flagEdit('required')(node, random)),
  deprecated: flagEdit('deprecated'),
  'x-sunset': (node) => {
    node.deprecated = true;
    node['x-sunset'] = '2027-06-30';
    return 'deprecated with x-sunset';
  },
  'style default': (node) => {
    const defaults: Record<string, [string, boolean]> = {
      query: ['form', true],
      path: ['simple', false],
      header: ['simple', false],
      cookie: ['form', true],
    };
    const [style, explode] = defaults[String(node.in)] ?? ['form', true];
    node.style = style;
    node.explode = explode;
    return 'serialisation defaults written out (equivalent)';
  },
  description: textEdit('description'),
  example: (node) => {
    node.example = 'edited';
    return 'example changed';
  },
};

const responseEdits: Record<string, Edit> = {
  description: textEdit('description'),
  'header added': (node) => {
    node.headers = {
      ...(isObject(node.headers) ? node.headers : {}),
      'X-Edit': { schema: { type: 'string' } },
    };
    return 'header added';
  },
  'header removed': (node, random) => {
    const headers = isObject(node.headers) ? node.headers : undefined;
    const names = headers ? Object.keys(headers) : [];
    if (!headers || names.length === 0) return undefined;
    delete headers[pick(random, names)];
    return 'header removed';
  },
};

const mediaEdits: Record<string, Edit> = {
  example: (node) => {
    node.example = { edited: true };
    delete node.examples;
    return 'example replaced';
  },
};

const operationEdits: Record<string, Edit> = {
  summary: textEdit('summary'),
  description: textEdit('description'),
  deprecated: flagEdit('deprecated'),
  'x-sunset': (node) => {
    node.deprecated = true;
    node['x-sunset'] = '2027-06-30';
    return 'deprecated with x-sunset';
  },
  operationId: (node) => {
    node.operationId = `${String(node.operationId)}Edited`;
    return 'operationId changed';
  },
  tags: (node) => {
    node.tags = [...(Array.isArray(node.tags) ? node.tags : []), 'edited'];
    return 'tag added';
  },
  security: (node, random) => {
    const way = pick(random, ['anonymous', 'token only']);
    node.security = way === 'anonymous' ? [] : [{ apig_iam_token: [] }];
    return `security: ${way}`;
  },
};

const editsOf: Record<Kind, Record<string, Edit>> = {
  schema: schemaEdits,
  parameter: parameterEdits,
  response: responseEdits,
  media: mediaEdits,
  operation: operationEdits,
};

/** One random single-keyword edit of `document`: the edited copy and what was done. */
export function randomEdit(
  document: JsonObject,
  random: Random,
): { head: JsonObject; edit: string } {
  for (;;) {
    const head = structuredClone(document);
    const places = placesOf(head);
    const place = pick(random, places);
    const edits = editsOf[place.kind];
    const name = pick(random, Object.keys(edits));
    const before = JSON.stringify(place.node);
    const done = edits[name]?.(place.node, random);
    // An edit that changed nothing (removing a keyword that was not there) is drawn again.
    if (done !== undefined && JSON.stringify(place.node) !== before) {
      return { head, edit: `${place.kind} ${place.pointer}: ${done}` };
    }
  }
}

/** `count` edits from `seed`, each reviewed against `document`. */
export function reviewEdits(document: JsonObject, count: number, seed: number): EditResult[] {
  const random = seeded(seed);
  const results: EditResult[] = [];
  for (let i = 0; i < count; i += 1) {
    const { head, edit } = randomEdit(document, random);
    const changes = compareContracts(document, head);
    const unclassified = changes.filter((change) => change.kind === 'unclassified');
    const outcome: Outcome =
      changes.length === 0 ? 'no change' : unclassified.length > 0 ? 'unclassified' : 'named';
    results.push({
      edit,
      outcome,
      rules: [...new Set(changes.map((change) => change.rule))],
      unclassified: unclassified.map((change) => change.message),
    });
  }
  return results;
}
