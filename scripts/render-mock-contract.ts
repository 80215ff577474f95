// Step 3 of `npm run generate`: what the mock needs of the contract, for the
// mock's shared core in src/mock/ (it ships with the package, so it lives
// under src/, the one generated file outside generated/): every documented
// status of both operations with its named examples in order, and the type,
// bounds and default of each query parameter.
import type { ContractResponses } from '../src/mock/answer-request.ts';
import { generatedBanner } from './generated-header.ts';

type Json = Record<string, unknown>;

const deref = (document: Json, node: unknown): Json => {
  let current = node as Json;
  while (typeof current?.$ref === 'string') {
    current = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json>(
        (at, key) => at[key.replaceAll('~1', '/').replaceAll('~0', '~')] as Json,
        document,
      );
  }
  return current ?? {};
};

export function renderMockContract(document: Json): string {
  const operations: Json = {};
  for (const item of Object.values(document.paths as Json)) {
    const operation = deref(document, (deref(document, item) as Json).get);
    const responses: Json = {};
    for (const [status, response] of Object.entries(operation.responses as Json)) {
      const media = (deref(document, response).content as Json | undefined)?.['application/json'];
      const examples = ((media as Json | undefined)?.examples ?? {}) as Json;
      responses[status] = Object.entries(examples).map(([name, example]) => ({
        name,
        value: deref(document, example).value,
      }));
    }
    const parameters: Json = {};
    for (const entry of (operation.parameters ?? []) as unknown[]) {
      const parameter = deref(document, entry);
      if (parameter.in !== 'query') continue;
      const { type, minimum, maximum, default: fallback } = deref(document, parameter.schema);
      parameters[String(parameter.name)] = { type, minimum, maximum, default: fallback };
    }
    operations[String(operation.operationId)] = { responses, parameters };
  }
  const contract: ContractResponses & { 'x-generated': string } = {
    'x-generated': generatedBanner('openapi/ (the bundled contract)').split('\n').join(' '),
    operations: operations as unknown as ContractResponses['operations'],
  };
  return `${JSON.stringify(contract, null, 2)}\n`;
}
