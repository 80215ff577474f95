// Everything generated/ should contain (and the mock's src/mock/responses.json
// and purchases.json, which ship with the package), rendered in memory, so that `generate` writes it
// and `check:generated` compares it.
import { renderBundle } from './bundle.ts';
import { renderTypes } from './generate-types.ts';
import { renderDataset } from './render-dataset.ts';
import { renderMockContract } from './render-mock-contract.ts';

export async function renderGenerated(): Promise<Map<string, string>> {
  const bundle = await renderBundle();
  const types = await renderTypes(bundle.yaml);
  return new Map([
    ['generated/openapi.yaml', bundle.yaml],
    ['generated/openapi.json', bundle.json],
    ['generated/schema.d.ts', types],
    ['src/mock/responses.json', renderMockContract(JSON.parse(bundle.json))],
    ['src/mock/purchases.json', renderDataset()],
  ]);
}
