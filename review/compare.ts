// The comparer: runs the catalogue over two bundled contracts, subject by
// subject (the contract, each operation, parameter, response and response
// schema node), then checks every key of each subject that no rule reads.
// Any such key that differs is reported as unclassified, whatever else
// changed beside it, so nothing passes the review without being named.

import {
  deref,
  inline,
  isObject,
  type Json,
  type JsonObject,
  objectAt,
  sameResolved,
  withoutDocumentation,
} from '../lib/json.ts';
import { spend } from '../lib/work-budget.ts';
import { catalogue } from './catalogue.ts';
import {
  type At,
  type Change,
  change,
  code,
  defaultPolicy,
  type Finding,
  kindOf,
  type OperationPair,
  type ParameterPair,
  type ParameterSchemaPair,
  type ReviewPolicy,
  type Rule,
  type SchemaPair,
  type Subject,
  type Subjects,
} from './change.ts';
import { httpMethods, type Operation, operationsOf, pathVariables } from './operations.ts';
import { typeMove } from './rules/keywords.ts';
import { type SchemaView, viewSchema } from './schema.ts';
import { type ChildPair, childPairs } from './schema-children.ts';
import { extend, type Path, rootPath, type Step } from './steps.ts';

/** Per subject, every key some rule reads (and so explains). */
const reads = new Map<Subject, Set<string>>();
for (const rule of catalogue) {
  for (const [subject, check] of Object.entries(rule.checks)) {
    const known = reads.get(subject as Subject) ?? new Set<string>();
    for (const key of check.reads) known.add(key);
    reads.set(subject as Subject, known);
  }
}

interface Check {
  rule: Rule;
  find: (pair: Subjects[Subject]) => Finding[];
  /** Where below its subject a finding is: the one key the check reads, if it reads one. */
  detail: readonly string[];
}

/** Per subject, the rules that check it, in catalogue order: found once, not per node. */
const checksOf = Object.fromEntries(
  (['document', 'operation', 'parameter', 'response', 'schema', 'parameterSchema'] as const).map(
    (subject) => [
      subject,
      catalogue.flatMap((rule): Check[] => {
        const check = rule.checks[subject];
        if (check === undefined) return [];
        const [only, ...more] = check.reads;
        const detail = only !== undefined && more.length === 0 ? only.split('.') : [];
        return [{ rule, find: check.find as Check['find'], detail }];
      }),
    ],
  ),
) as Record<Subject, Check[]>;

/** The steps of `at` on each side, and then `more`. */
const below = (at: At, ...more: readonly Step[]): At => ({
  ...(at.base ? { base: extend(at.base, more) } : {}),
  ...(at.head ? { head: extend(at.head, more) } : {}),
});

/** Where an operation is, on each side, from its key (`GET /path`). */
const atOperation = (key: string): At => {
  const [method = '', ...path] = key.split(' ');
  const steps = extend(rootPath, ['paths', path.join(' '), method.toLowerCase()]);
  return { base: steps, head: steps };
};

const pathOf = (operation: Operation): Path =>
  extend(rootPath, ['paths', operation.path, operation.method]);

/** Keys the comparer itself walks into (and so explains) on top of the rules' reads. */
const walked: Record<Subject, readonly string[]> = {
  document: ['paths', 'components', 'security', 'x-generated'],
  operation: ['parameters', 'responses'],
  parameter: [
    'name',
    'in',
    'schema',
    'schema.properties',
    'schema.items',
    'schema.prefixItems',
    'schema.allOf',
  ],
  response: ['content', 'headers'],
  schema: ['properties', 'items', 'allOf'],
  parameterSchema: ['properties', 'items', 'prefixItems', 'allOf'],
};

const explained = (subject: Subject): Set<string> =>
  new Set([...(reads.get(subject) ?? []), ...walked[subject]]);

const explainedBy = {
  document: explained('document'),
  operation: explained('operation'),
  parameter: explained('parameter'),
  response: explained('response'),
  schema: explained('schema'),
  parameterSchema: explained('parameterSchema'),
};

export interface CompareOptions {
  /** The date and deprecation policy the lifecycle rules read; defaults: today, oasdiff's (0 days). */
  policy?: ReviewPolicy;
}

export function compareContracts(
  base: JsonObject,
  head: JsonObject,
  options: CompareOptions = {},
): Change[] {
  return new Comparison(base, head, options.policy ?? defaultPolicy()).run();
}

class Comparison {
  readonly changes: Change[] = [];
  readonly views = new Map<JsonObject, WeakMap<object, SchemaView>>();

  constructor(
    readonly base: JsonObject,
    readonly head: JsonObject,
    readonly policy: ReviewPolicy,
  ) {}

  run(): Change[] {
    const baseOperations = operationsOf(this.base);
    const headOperations = operationsOf(this.head);
    const root: At = { base: rootPath, head: rootPath };
    this.apply(
      'document',
      { base: this.base, head: this.head, policy: this.policy, baseOperations, headOperations },
      root,
    );
    this.unread(null, '', this.base, this.head, explainedBy.document, root);
    for (const [key, baseOperation] of baseOperations) {
      const headOperation = headOperations.get(key);
      if (headOperation !== undefined) this.operation(baseOperation, headOperation);
    }
    return withoutDuplicates(this.changes);
  }

  apply<S extends Subject>(subject: S, pair: Subjects[S], at: At): void {
    const body = subject === 'schema' && (pair as SchemaPair).where === '';
    for (const { rule, find, detail } of checksOf[subject]) {
      const id = body && rule.bodyId !== undefined ? rule.bodyId : rule.id;
      for (const found of find(pair as never)) {
        // A finding on the whole contract that names an operation is at that operation.
        const where =
          subject === 'document' && found.operation !== null ? atOperation(found.operation) : at;
        const steps = found.below ?? detail;
        this.changes.push(
          change(kindOf[rule.level], id, found.operation, found.message, below(where, ...steps)),
        );
      }
    }
  }

  /** Reports the keys outside `known` that differ between two nodes. */
  unread(
    operation: string | null,
    where: string,
    base: JsonObject,
    head: JsonObject,
    known: ReadonlySet<string>,
    at: At,
    prefix = '',
  ): void {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].filter(
      (key) =>
        !known.has(`${prefix}${key}`) && !sameResolved(this.base, base[key], this.head, head[key]),
    );
    if (keys.length === 0) return;
    const what = keys.map((key) => code(key)).join(', ');
    const steps = [...(prefix === '' ? [] : prefix.replace(/\.$/, '').split('.')), keys[0] ?? ''];
    this.changes.push(
      change(
        'unclassified',
        'unclassified',
        operation,
        `${where}${where === '' ? '' : ': '}${what} changed, which no review rule classifies: read the diff`,
        below(at, ...steps),
      ),
    );
  }

  view(document: JsonObject, schema: Json | undefined): SchemaView {
    if (!isObject(schema)) return viewSchema(document, schema);
    let cache = this.views.get(document);
    if (cache === undefined) {
      cache = new WeakMap();
      this.views.set(document, cache);
    }
    let found = cache.get(schema);
    if (found === undefined) {
      found = viewSchema(document, schema);
      cache.set(schema, found);
    }
    return found;
  }

  operation(base: Operation, head: Operation): void {
    const pair: OperationPair = {
      base,
      head,
      policy: this.policy,
      baseDocument: this.base,
      headDocument: this.head,
    };
    const at: At = { base: pathOf(base), head: pathOf(head) };
    this.apply('operation', pair, at);
    this.unread(head.key, 'the operation', base.raw, head.raw, explainedBy.operation, at);
    const pathItem = (document: JsonObject, path: string) => {
      const item = objectAt(deref(document, objectAt(document.paths)[path]));
      return Object.fromEntries(
        Object.entries(item).filter(([key]) => !httpMethods.includes(key) && key !== 'parameters'),
      );
    };
    this.unread(
      head.key,
      'the path item',
      pathItem(this.base, base.path),
      pathItem(this.head, head.path),
      new Set(),
      {
        base: extend(rootPath, ['paths', base.path]),
        head: extend(rootPath, ['paths', head.path]),
      },
    );

    const headParameters = pairedPathParameters(base, head);
    for (const key of new Set([...base.parameters.keys(), ...headParameters.keys()])) {
      const before = base.parameters.get(key);
      const after = headParameters.get(key);
      const baseSchema = before && this.view(this.base, before.schema);
      const headSchema = after && this.view(this.head, after.schema);
      const atParameter: At = {
        base: extend(at.base as Path, [{ parameter: key }]),
        head: extend(at.head as Path, [{ parameter: after ? `${after.in} ${after.name}` : key }]),
      };
      this.apply(
        'parameter',
        { operation: pair, key, base: before, head: after, baseSchema, headSchema },
        atParameter,
      );
      if (!before || !after || !baseSchema || !headSchema) continue;
      const where = `${key.split(' ')[0]} parameter ${code(key.split(' ').slice(1).join(' '))}`;
      this.unread(head.key, where, before, after, explainedBy.parameter, atParameter);
      this.unread(
        head.key,
        `${where} schema`,
        baseSchema.merged,
        headSchema.merged,
        explainedBy.parameter,
        atParameter,
        'schema.',
      );
      const parameter = { operation: pair, key, base: before, head: after, baseSchema, headSchema };
      const atSchema = below(atParameter, 'schema');
      for (const child of childPairs(baseSchema, headSchema, '')) {
        this.parameterSchema(parameter, where, child, atSchema, new Set());
      }
    }

    for (const status of new Set([...base.responses.keys(), ...head.responses.keys()])) {
      const before = base.responses.get(status);
      const after = head.responses.get(status);
      const atResponse = below(at, 'responses', status);
      this.apply('response', { operation: pair, status, base: before, head: after }, atResponse);
      if (before && after) this.response(head, status, before, after, atResponse);
    }
  }

  response(endpoint: Operation, status: string, base: JsonObject, head: JsonObject, at: At): void {
    const operation = endpoint.key;
    const where = `status ${code(status)}`;
    this.unread(operation, where, base, head, explainedBy.response, at);
    const baseHeaders = objectAt(base.headers);
    const headHeaders = objectAt(head.headers);
    for (const name of Object.keys(baseHeaders)) {
      if (headHeaders[name] === undefined) continue;
      this.unread(
        operation,
        `${where}: header ${code(name)}`,
        headerRest(this.base, baseHeaders[name]),
        headerRest(this.head, headHeaders[name]),
        new Set(),
        below(at, 'headers', name),
      );
    }
    const headContent = objectAt(head.content);
    for (const [mediaType, baseMedia] of Object.entries(objectAt(base.content))) {
      const headMedia = headContent[mediaType];
      if (headMedia === undefined) continue;
      const label = mediaType === 'application/json' ? status : `${status} ${mediaType}`;
      const atMedia = below(at, 'content', mediaType);
      this.unread(
        operation,
        `status ${code(label)}`,
        objectAt(baseMedia),
        objectAt(headMedia),
        new Set(['schema', 'example', 'examples']),
        atMedia,
      );
      const baseSchema = objectAt(baseMedia).schema;
      const headSchema = objectAt(headMedia).schema;
      if ((baseSchema === undefined) !== (headSchema === undefined)) {
        this.unread(
          operation,
          `status ${code(label)}`,
          { schema: baseSchema ?? null },
          { schema: headSchema ?? null },
          new Set(),
          atMedia,
        );
        continue;
      }
      const body = { where: '', base: baseSchema as Json, head: headSchema as Json };
      this.walk(endpoint, label, body, below(atMedia, 'schema'), new Set());
    }
  }

  /** Every schema node both sides have inside a parameter's schema, by the same positions as responses. */
  parameterSchema(
    parameter: ParameterPair,
    label: string,
    node: ChildPair,
    parent: At,
    visiting: ReadonlySet<string>,
  ): void {
    spend();
    const { where, base: baseSchema, head: headSchema } = node;
    const at = stepsBelow(parent, node);
    const refs = `${refOf(baseSchema)} ${refOf(headSchema)}`;
    if (refs !== ' ' && visiting.has(refs)) return;
    const inside = refs === ' ' ? visiting : new Set([...visiting, refs]);
    const pair: ParameterSchemaPair = {
      parameter,
      where,
      base: this.view(this.base, baseSchema),
      head: this.view(this.head, headSchema),
    };
    this.apply('parameterSchema', pair, at);
    const operation = parameter.operation.head.key;
    this.unread(
      operation,
      `${label} schema ${code(where)}`,
      pair.base.merged,
      pair.head.merged,
      explainedBy.parameterSchema,
      at,
    );
    for (const child of childPairs(pair.base, pair.head, where)) {
      this.parameterSchema(parameter, label, child, at, inside);
    }
  }

  /** Every schema node both sides have, from the body down; a recursive $ref pair is visited once. */
  walk(
    endpoint: Operation,
    response: string,
    node: ChildPair,
    parent: At,
    visiting: ReadonlySet<string>,
  ): void {
    spend();
    const { where, base: baseSchema, head: headSchema, requiredIn } = node;
    const at = stepsBelow(parent, node);
    const refs = `${refOf(baseSchema)} ${refOf(headSchema)}`;
    if (refs !== ' ' && visiting.has(refs)) return;
    const inside = refs === ' ' ? visiting : new Set([...visiting, refs]);
    const operation = endpoint.key;
    const pair: SchemaPair = {
      operation,
      endpoint,
      response,
      where,
      base: this.view(this.base, baseSchema),
      head: this.view(this.head, headSchema),
      baseDocument: this.base,
      headDocument: this.head,
      policy: this.policy,
      ...(requiredIn ? { requiredIn } : {}),
    };
    this.apply('schema', pair, at);
    const label =
      where === ''
        ? `status ${code(response)}: the response body`
        : `status ${code(response)}: response property ${code(where)}`;
    this.unread(operation, label, pair.base.merged, pair.head.merged, explainedBy.schema, at);
    const documents = { base: this.base, head: this.head };
    for (const child of childPairs(pair.base, pair.head, where, documents)) {
      this.walk(endpoint, response, child, at, inside);
    }
    const baseItems = pair.base.items;
    const headItems = pair.head.items;
    if (
      (baseItems === undefined) !== (headItems === undefined) &&
      !typeMove(pair.base, pair.head)
    ) {
      // When the type changed too (array to string), response-property-type-changed says so.
      this.unread(
        operation,
        label,
        { items: baseItems ?? null },
        { items: headItems ?? null },
        new Set(),
        at,
      );
    }
  }
}

/** A child schema's steps on each side, below its parent's. */
const stepsBelow = (parent: At, node: ChildPair): At => ({
  ...(parent.base ? { base: extend(parent.base, node.baseSteps ?? []) } : {}),
  ...(parent.head ? { head: extend(parent.head, node.headSteps ?? []) } : {}),
});

/**
 * The head's parameters, its path variables keyed by the base's names for
 * them (by position): a renamed variable is the same parameter.
 */
function pairedPathParameters(base: Operation, head: Operation): Map<string, JsonObject> {
  const before = pathVariables(base.path);
  const after = pathVariables(head.path);
  const baseName = new Map(after.map((name, index) => [name, before[index] ?? name]));
  return new Map(
    [...head.parameters].map(([key, parameter]) => {
      const name = key.slice('path '.length);
      return [key.startsWith('path ') ? `path ${baseName.get(name) ?? name}` : key, parameter];
    }),
  );
}

const refOf = (schema: Json | undefined): string =>
  isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : '';

/** A header as the rules do not read it: without `required`, its schema's type and documentation. */
function headerRest(document: JsonObject, header: Json | undefined): JsonObject {
  const resolved = objectAt(inline(document, header));
  const { required: _required, schema, ...rest } = resolved;
  const { type: _type, ...schemaRest } = objectAt(schema);
  return objectAt(withoutDocumentation({ ...rest, schema: schemaRest }));
}

function withoutDuplicates(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((found) => {
    const key = JSON.stringify([found.kind, found.rule, found.operation, found.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
