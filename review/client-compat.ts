// Whether a contract change breaks code written against the generated client:
// the client's types are generated from the base and from the head (the same
// openapi-typescript and operation-table renderers `npm run generate` uses),
// one consumer is written against the base (every method in every argument
// form, every response read as the base typed it, errors caught by class),
// and that consumer is compiled against the head's types. Many pairs compile
// as one TypeScript program, so a whole fixture set costs seconds.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { JsonObject } from '../lib/json.ts';
import { fromRoot } from '../lib/paths.ts';
import { renderTypes } from '../scripts/generate-types.ts';
import {
  type OperationSpec,
  operationTable,
  renderOperations,
} from '../scripts/render-operations.ts';

export interface ContractPair {
  /** A folder name: the case's name. */
  name: string;
  base: JsonObject;
  head: JsonObject;
}

export interface CompatResult {
  name: string;
  /** TypeScript's messages for the consumer compiled against the head; empty when it compiles. */
  errors: string[];
}

const typesCache = new Map<string, Promise<{ schema: string; operations: string }>>();

/** schema.d.ts and operations.d.ts of a contract, as generate writes them. */
function clientTypesOf(document: JsonObject) {
  const key = JSON.stringify(document);
  let types = typesCache.get(key);
  if (types === undefined) {
    types = renderTypes(key).then((schema) => ({
      schema,
      operations: renderOperations(document).dts,
    }));
    typesCache.set(key, types);
  }
  return types;
}

const ok = (id: string) =>
  `Readable<Base[${JSON.stringify(id)}]['responses'][200]['content']['application/json']>`;

/** One operation of the base, used every way its signature allows. */
function uses(spec: OperationSpec, index: number): string {
  const id = spec.operationId;
  const path = spec.pathParameters.map(() => "'p', ").join('');
  const lines = [
    `export async function use${index}(): Promise<void> {`,
    `  const plain: ${ok(id)} = await client.${id}(${path.replace(/, $/, '')});`,
    `  const withOptions: ${ok(id)} = await client.${id}(${path}undefined, { signal, headers: { 'X-Trace': '1' } });`,
    `  const emptyQuery: ${ok(id)} = await client.${id}(${path}{}, {});`,
    `  const fullQuery: ${ok(id)} = await client.${id}(${path}query${index});`,
    `  const withInfo: { data: ${ok(id)}; response: { status: number; requestId: string | undefined } } = await client.withResponse.${id}(${path}query${index});`,
    '  void [plain, withOptions, emptyQuery, fullQuery, withInfo];',
  ];
  if (spec.list) {
    const item = `NonNullable<${ok(id)}[${JSON.stringify(spec.list.items)}]>[number]`;
    lines.push(
      `  for await (const item of client.${spec.list.iterator}(${path}query${index}, { maxPages: 2 })) {`,
      `    const read: ${item} = item;`,
      '    void read;',
      '  }',
    );
  }
  lines.push(
    '  try {',
    `    await client.${id}(${path.replace(/, $/, '')});`,
    '  } catch (error) {',
    '    if (error instanceof ApigError) void [error.status, error.errorCode, error.requestId];',
    '    else if (error instanceof ApigNetworkError) void error.attempts;',
    '    else if (error instanceof ApigArgumentError) void error.parameter;',
    '  }',
    '}',
  );
  return [`declare const query${index}: BaseQuery<Base[${JSON.stringify(id)}]>;`, ...lines].join(
    '\n',
  );
}

/** The consumer: written against the base's table, importing the head's client types. */
function consumerOf(base: JsonObject, srcIndex: string): string {
  const table = operationTable(base).filter((spec) => spec.statuses['200'] !== undefined);
  return [
    "// Written against the base contract; compiled against the head's client types.",
    `import { ApigArgumentError, ApigError, ApigNetworkError, type CallOptions, type IterateOptions, type WithResponse } from '${srcIndex}';`,
    "import type { operations as Base, Readable } from './base/schema.js';",
    "import type { QueryOf as BaseQuery } from './base/operations.js';",
    "import type { OperationMethods } from './head/operations.js';",
    '',
    'type Methods = OperationMethods<CallOptions, IterateOptions>;',
    'declare const client: Methods & {',
    '  withResponse: {',
    '    [Name in keyof Methods as ReturnType<Methods[Name]> extends Promise<unknown> ? Name : never]: (',
    '      ...args: Parameters<Methods[Name]>',
    '    ) => Promise<WithResponse<Awaited<ReturnType<Methods[Name]>>>>;',
    '  };',
    '};',
    'declare const signal: AbortSignal;',
    '',
    ...table.map(uses),
    '',
  ].join('\n');
}

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  noEmit: true,
};

/**
 * Compiles, for each pair, a consumer written against its base with the
 * client types of its head, in one program under `workDir` (inside the
 * repository, so node_modules resolve). Returns each pair's errors.
 */
export async function checkClientCompat(
  pairs: readonly ContractPair[],
  workDir = fromRoot('build/client-compat'),
): Promise<CompatResult[]> {
  rmSync(workDir, { recursive: true, force: true });
  const consumers: string[] = [];
  for (const pair of pairs) {
    const folder = join(workDir, pair.name);
    for (const [side, document] of [
      ['base', pair.base],
      ['head', pair.head],
    ] as const) {
      const types = await clientTypesOf(document);
      mkdirSync(join(folder, side), { recursive: true });
      writeFileSync(join(folder, side, 'schema.d.ts'), types.schema);
      writeFileSync(join(folder, side, 'operations.d.ts'), types.operations);
    }
    const srcIndex = relative(folder, fromRoot('src/index.ts')).replaceAll('\\', '/');
    const consumer = join(folder, 'consumer.ts');
    writeFileSync(consumer, consumerOf(pair.base, srcIndex));
    consumers.push(consumer);
  }
  const program = ts.createProgram(consumers, compilerOptions);
  const errors = new Map<string, string[]>(pairs.map((pair) => [pair.name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    // The case whose folder holds the file (its consumer or its generated types).
    const name = file === undefined ? undefined : relative(workDir, file).split('/')[0];
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? `${relative(workDir, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}`
        : '(program)';
    // A problem outside every case's folder (the client's own source) belongs to all of them.
    for (const [pairName, list] of errors) {
      if (name === undefined || !errors.has(name) || name === pairName)
        list.push(`${where}: ${text}`);
    }
  }
  return pairs.map((pair) => ({ name: pair.name, errors: errors.get(pair.name) ?? [] }));
}
