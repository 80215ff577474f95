// Step 3 of `npm run generate`: the operation table every layer reads, from
// the bundled contract (octokit's generated endpoint list is the model).
// - generated/operations.js: per operationId its method, path template,
//   path and query parameters (types, defaults, bounds), documented
//   statuses with the names of their examples, and for a paged list its
//   items key, paging parameters and iterator name;
// - generated/operations.d.ts: the table's types, one typed method per
//   operation and one iterator per paged list (`OperationMethods`);
// - generated/names.d.ts: a name for every component schema (an error
//   body's with `Body` appended, as `ApigErrorBody`) and for each query;
// - generated/examples.js (+ .d.ts): every named example body, by
//   operation and status, and the fields of every object schema (type,
//   format), for the mock; apart so the client never loads them.
// A paged list is an operation with `page_size` and `page_no` query
// parameters (Huawei's v1.0 paging) whose 200 body has one array property.
import { deref, isObject, type Json, type JsonObject, objectAt } from '../lib/json.ts';
import { generatedBanner } from './generated-header.ts';

export interface QueryParameter {
  name: string;
  type: string;
  minimum?: number;
  maximum?: number;
  default?: Json;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  pathParameters: { name: string; argument: string }[];
  queryParameters: QueryParameter[];
  statuses: Record<string, string[]>;
  list?: { items: string; pageSize: string; pageNo: string; iterator: string };
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Every operation of the contract, in its order: path, method, path item and operation, resolved. */
function* operationsOf(document: JsonObject) {
  for (const [path, rawItem] of Object.entries(objectAt(document.paths))) {
    const item = objectAt(deref(document, rawItem));
    for (const method of methods.filter((name) => isObject(item[name]))) {
      yield { path, method, item, operation: objectAt(deref(document, item[method])) };
    }
  }
}

/** The `application/json` media object of a response, resolved (empty when there is none). */
const jsonMedia = (document: JsonObject, response: Json | undefined): JsonObject =>
  objectAt(objectAt(objectAt(deref(document, response)).content)['application/json']);

/** The table: one entry per operationId, in the contract's order. */
export function operationTable(document: JsonObject): OperationSpec[] {
  const table: OperationSpec[] = [];
  for (const { path, method, item, operation } of operationsOf(document)) {
    const operationId = String(operation.operationId);
    const parameters = [
      ...(Array.isArray(item.parameters) ? item.parameters : []),
      ...(Array.isArray(operation.parameters) ? operation.parameters : []),
    ].map((parameter) => objectAt(deref(document, parameter)));
    const statuses: Record<string, string[]> = {};
    for (const [status, response] of Object.entries(objectAt(operation.responses))) {
      statuses[status] = Object.keys(objectAt(jsonMedia(document, response).examples));
    }
    const queryParameters = parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter): QueryParameter => {
        const schema = objectAt(deref(document, parameter.schema));
        return {
          name: String(parameter.name),
          type: String(schema.type),
          ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
          ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
          ...(schema.default !== undefined ? { default: schema.default } : {}),
        };
      });
    const spec: OperationSpec = {
      operationId,
      method: method.toUpperCase(),
      path,
      summary: String(operation.summary ?? ''),
      pathParameters: parameters
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => ({
          name: String(parameter.name),
          argument: camel(String(parameter.name)),
        })),
      queryParameters,
      statuses,
    };
    const list = pagingOf(document, spec, objectAt(operation.responses)['200']);
    table.push(list === undefined ? spec : { ...spec, list });
  }
  return table;
}

function pagingOf(
  document: JsonObject,
  spec: OperationSpec,
  ok: Json | undefined,
): OperationSpec['list'] {
  const names = spec.queryParameters.map((parameter) => parameter.name);
  if (!names.includes('page_size') || !names.includes('page_no')) return undefined;
  const schema = objectAt(deref(document, jsonMedia(document, ok).schema));
  const arrays = Object.entries(objectAt(schema.properties))
    .filter(([, property]) => objectAt(deref(document, property)).type === 'array')
    .map(([name]) => name);
  if (arrays.length !== 1) {
    throw new Error(
      `${spec.operationId}: a paged list (page_size, page_no) needs exactly one array property in its 200 body, found ${arrays.length}`,
    );
  }
  return {
    items: arrays[0] as string,
    pageSize: 'page_size',
    pageNo: 'page_no',
    // listThings → iterateThings; any other name → iterate<Name>.
    iterator: /^list[A-Z]/.test(spec.operationId)
      ? spec.operationId.replace(/^list/, 'iterate')
      : `iterate${pascal(spec.operationId)}`,
  };
}

/** Every method name of the client once: an iterator that takes an operation's name is refused. */
function checkMethodNames(table: readonly OperationSpec[]): void {
  const owner = new Map<string, string>();
  for (const spec of table) {
    for (const name of [spec.operationId, ...(spec.list ? [spec.list.iterator] : [])]) {
      const other = owner.get(name);
      if (other !== undefined) {
        throw new Error(
          `the client would have two methods named ${name} (${other} and ${name === spec.operationId ? 'the operation' : 'the iterator'} of ${spec.operationId}): rename the operationId of one of them in openapi/`,
        );
      }
      owner.set(
        name,
        name === spec.operationId ? 'the operation' : `the iterator of ${spec.operationId}`,
      );
    }
  }
}

/** What the client reads of the contract besides the operations. */
function contractFacts(document: JsonObject): { serverUrl: string; requestIdHeader: string } {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const serverUrl = objectAt(servers[0]).url;
  if (typeof serverUrl !== 'string')
    throw new Error('the contract names no server URL (servers[0].url)');
  // The response header that carries the request id Huawei support asks for.
  const headerNames = new Set<string>();
  for (const { operation } of operationsOf(document)) {
    for (const response of Object.values(objectAt(operation.responses))) {
      for (const name of Object.keys(objectAt(objectAt(deref(document, response)).headers))) {
        headerNames.add(name);
      }
    }
  }
  const requestIdHeader = [...headerNames].find((name) => /^x-request-id$/i.test(name));
  if (requestIdHeader === undefined) {
    throw new Error('no response of the contract documents an X-Request-Id header');
  }
  return { serverUrl, requestIdHeader };
}

/** Every named example body, by operation and status (the mock's answers). */
export function exampleTable(
  document: JsonObject,
): Record<string, Record<string, { name: string; value: Json }[]>> {
  const examples: Record<string, Record<string, { name: string; value: Json }[]>> = {};
  for (const { operation } of operationsOf(document)) {
    const byStatus: Record<string, { name: string; value: Json }[]> = {};
    for (const [status, response] of Object.entries(objectAt(operation.responses))) {
      const named = objectAt(jsonMedia(document, response).examples);
      byStatus[status] = Object.entries(named).map(([name, example]) => ({
        name,
        value: objectAt(deref(document, example)).value ?? null,
      }));
    }
    examples[String(operation.operationId)] = byStatus;
  }
  return examples;
}

const banner = (what: string) =>
  `// ${generatedBanner(`openapi/ (the bundled contract): ${what}`).split('\n').join('\n// ')}\n`;

// The shapes of the table, as the .d.ts declares them.
const shapes = `export interface QueryParameter {
  readonly name: string;
  readonly type: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
}

export interface OperationSpec {
  readonly operationId: string;
  readonly method: string;
  /** The path template, e.g. \`/v1.0/apigw/purchases/groups/{purchase_id}\`. */
  readonly path: string;
  readonly summary: string;
  /** In path order; \`argument\` is the method's parameter name. */
  readonly pathParameters: readonly { readonly name: string; readonly argument: string }[];
  readonly queryParameters: readonly QueryParameter[];
  /** Each documented status with the names of its examples, the first being the default. */
  readonly statuses: { readonly [status: string]: readonly string[] };
  /** A paged list: the body's items key, the paging parameters, the iterator's name. */
  readonly list?: {
    readonly items: string;
    readonly pageSize: string;
    readonly pageNo: string;
    readonly iterator: string;
  };
}`;

/** generated/operations.js and .d.ts. */
export function renderOperations(document: JsonObject): { js: string; dts: string } {
  const table = operationTable(document);
  const byId = Object.fromEntries(table.map((spec) => [spec.operationId, spec]));
  checkMethodNames(table);
  const facts = contractFacts(document);
  const js = `${banner('the operation table')}export const operations = ${JSON.stringify(byId, null, 2)};

/** The contract's server URL template (servers[0].url). */
export const serverUrl = ${JSON.stringify(facts.serverUrl)};

/** The response header that carries the request id (documented on the contract's answers). */
export const requestIdHeader = ${JSON.stringify(facts.requestIdHeader)};
`;
  const ids = table.map((spec) => JSON.stringify(spec.operationId));
  const ok = (id: string) =>
    `Readable<Ops[${JSON.stringify(id)}]['responses'][200]['content']['application/json']>`;
  const query = (id: string) => `QueryOf<Ops[${JSON.stringify(id)}]>`;
  const methodLines = table.flatMap((spec) => {
    const pathArgs = spec.pathParameters
      .map((parameter) => `${parameter.argument}: string, `)
      .join('');
    // Every method has the query slot, so that adding one later moves no argument.
    const queryArg = `query?: ${query(spec.operationId)}, `;
    const lines = [
      `  /** ${spec.summary} (\`${spec.method} ${spec.path}\`). */`,
      `  ${spec.operationId}(${pathArgs}${queryArg}options?: Call): Promise<${ok(spec.operationId)}>;`,
    ];
    if (spec.list) {
      lines.push(
        `  /** Every item of ${spec.operationId} across pages (\`${spec.list.pageSize}\` per request, from \`${spec.list.pageNo}\`). */`,
        `  ${spec.list.iterator}(${pathArgs}${queryArg}options?: Iterate): AsyncGenerator<NonNullable<${ok(spec.operationId)}[${JSON.stringify(spec.list.items)}]>[number], void, undefined>;`,
      );
    }
    return lines;
  });
  const dts = `${banner('the operation table')}import type { operations as Ops, Readable } from './schema.js';

${shapes}

export type OperationId = ${ids.join(' | ')};

/** An operation's query: its parameters, or no key at all when it has none (yet). */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Query } }
  ? [NonNullable<Query>] extends [never]
    ? Record<string, never>
    : NonNullable<Query>
  : Record<string, never>;

export declare const operations: {
  readonly [Id in OperationId]: OperationSpec & { readonly operationId: Id };
};

/** The contract's server URL template (servers[0].url). */
export declare const serverUrl: ${JSON.stringify(facts.serverUrl)};

/** The response header that carries the request id (documented on the contract's answers). */
export declare const requestIdHeader: ${JSON.stringify(facts.requestIdHeader)};

/** One typed method per operation, one iterator per paged list; \`Call\` and \`Iterate\` are the client's options. */
export interface OperationMethods<Call, Iterate> {
${methodLines.join('\n')}
}
`;
  return { js, dts };
}

/** generated/names.d.ts: the names the package exports for the contract's shapes. */
export function renderNames(document: JsonObject): string {
  const table = operationTable(document);
  const errorBodies = new Set(
    [...operationsOf(document)].flatMap(({ operation }) =>
      Object.entries(objectAt(operation.responses))
        .filter(([status]) => /^[45]/.test(status))
        .map(([, response]) => {
          const schema = objectAt(jsonMedia(document, response).schema);
          return String(schema.$ref ?? '').replace('#/components/schemas/', '');
        }),
    ),
  );
  const schemaNames = Object.keys(objectAt(objectAt(document.components).schemas));
  const lines = [
    ...schemaNames.map(
      (name) =>
        `export type ${errorBodies.has(name) ? `${name}Body` : name} = Readable<components['schemas'][${JSON.stringify(name)}]>;`,
    ),
    ...table
      .filter((spec) => spec.queryParameters.length > 0)
      .map(
        (spec) =>
          `/** The query of ${spec.operationId} (every parameter optional unless the contract says otherwise). */\nexport type ${pascal(spec.operationId)}Query = NonNullable<operations[${JSON.stringify(spec.operationId)}]['parameters']['query']>;`,
      ),
  ];
  return `${banner("names for the contract's shapes, as answers carry them (Readable: no writeOnly property)")}import type { components, operations, Readable } from './schema.js';

${lines.join('\n')}
`;
}

export interface Field {
  type: string;
  format?: string;
  items?: string;
}

/** The fields of every component object schema, `allOf` members merged, `null` types left out. */
export function fieldTable(document: JsonObject): Record<string, Record<string, Field>> {
  const typeOf = (schema: JsonObject): string => {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    return String(types.find((type) => type !== 'null') ?? 'any');
  };
  const fieldsOf = (node: Json | undefined): Record<string, Field> => {
    const schema = objectAt(deref(document, node));
    const merged: Record<string, Field> = {};
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
      Object.assign(merged, fieldsOf(member));
    }
    for (const [name, property] of Object.entries(objectAt(schema.properties))) {
      const resolved = objectAt(deref(document, property));
      const items = objectAt(deref(document, resolved.items));
      merged[name] = {
        type: typeOf(resolved),
        ...(typeof resolved.format === 'string' ? { format: resolved.format } : {}),
        ...(typeOf(resolved) === 'array' ? { items: typeOf(items) } : {}),
      };
    }
    return merged;
  };
  const table: Record<string, Record<string, Field>> = {};
  for (const [name, schema] of Object.entries(objectAt(objectAt(document.components).schemas))) {
    const fields = fieldsOf(schema);
    if (Object.keys(fields).length > 0) table[name] = fields;
  }
  return table;
}

/** generated/examples.js and .d.ts. */
/** ApigError's `x-unrouted-error`: the gateway's answer to a path it has no API for. */
function unroutedError(document: JsonObject): Json {
  const body = objectAt(objectAt(objectAt(document.components).schemas).ApigError)[
    'x-unrouted-error'
  ];
  if (body === undefined) {
    throw new Error(
      'components.schemas.ApigError has no x-unrouted-error: the body the mock answers for a path no operation has',
    );
  }
  return body;
}

export function renderExamples(document: JsonObject): { js: string; dts: string } {
  const js = `${banner('every named example, by operation and status; the fields of every object schema')}export const examples = ${JSON.stringify(exampleTable(document), null, 2)};

/** The gateway's answer to a path it has no API for (ApigError's x-unrouted-error). */
export const unroutedError = ${JSON.stringify(unroutedError(document), null, 2)};

export const fields = ${JSON.stringify(fieldTable(document), null, 2)};
`;
  const dts = `${banner('every named example, by operation and status; the fields of every object schema')}import type { components } from './schema.js';
import type { OperationId } from './operations.js';

export interface NamedExample {
  readonly name: string;
  readonly value: unknown;
}

export declare const examples: {
  readonly [Id in OperationId]: { readonly [status: string]: readonly NamedExample[] };
};

/** The gateway's answer to a path it has no API for (ApigError's x-unrouted-error). */
export declare const unroutedError: components['schemas']['ApigError'];

export interface Field {
  readonly type: string;
  readonly format?: string;
  /** The type of an array's items. */
  readonly items?: string;
}

export declare const fields: {
  readonly [Schema in keyof components['schemas']]?: { readonly [field: string]: Field };
};
`;
  return { js, dts };
}
