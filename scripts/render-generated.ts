// Everything generated/ should contain (and the mock's src/mock/responses.json
// and purchases.json, which ship with the package), rendered in memory, so that `generate` writes it
// and `check:generated` compares it.
import { renderBundle } from './bundle.ts';
import { renderTypes } from './generate-types.ts';
import { renderDataset } from './render-dataset.ts';
import { renderMockContract } from './render-mock-contract.ts';
import {
  renderTranslatedBundle,
  translatedBundleFile,
  translationLanguages,
} from './translations/bundle.ts';

export async function renderGenerated(): Promise<Map<string, string>> {
  const bundle = await renderBundle();
  const english = JSON.parse(bundle.json);
  const [types, ...translated] = await Promise.all([
    renderTypes(bundle.yaml),
    ...translationLanguages().map(
      async (language) =>
        [translatedBundleFile(language), await renderTranslatedBundle(english, language)] as const,
    ),
  ]);
  return new Map([
    ['generated/openapi.yaml', bundle.yaml],
    ['generated/openapi.json', bundle.json],
    ...translated,
    ['generated/schema.d.ts', types],
    ['src/mock/responses.json', renderMockContract(english)],
    ['src/mock/purchases.json', renderDataset()],
  ]);
}
