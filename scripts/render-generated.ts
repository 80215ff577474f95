// Everything generated/ should contain, rendered in memory, so that
// `generate` writes it and `check:generated` compares it.
import { renderBundle } from './bundle.ts';
import { renderTypes } from './generate-types.ts';

export async function renderGenerated(): Promise<Map<string, string>> {
  const bundle = await renderBundle();
  const types = await renderTypes(bundle.yaml);
  return new Map([
    ['generated/openapi.yaml', bundle.yaml],
    ['generated/openapi.json', bundle.json],
    ['generated/schema.d.ts', types],
  ]);
}
