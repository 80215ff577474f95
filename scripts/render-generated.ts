// Everything generated/ should contain (and the mock's src/mock/dataset.json,
// which ships with the package), rendered in memory, so that `generate` writes it
// and `check:generated` compares it.
import { repoRoot } from '../lib/paths.ts';
import type { RedoclyOptions } from '../lib/redocly.ts';
import { renderBundle } from './bundle.ts';
import { renderTypes } from './generate-types.ts';
import { renderDataset } from './render-dataset.ts';
import { renderExamples, renderNames, renderOperations } from './render-operations.ts';
import {
  renderTranslatedBundle,
  translatedBundleFile,
  translationLanguages,
} from './translations/bundle.ts';

/**
 * Every generated file, by path, from `root`'s openapi/ (this repository's
 * by default; the review passes a pull request's, with its own Redocly
 * configuration, so that the base's generator judges the head's data).
 */
export async function renderGenerated(
  root = repoRoot,
  options: RedoclyOptions = {},
): Promise<Map<string, string>> {
  const bundle = await renderBundle(root, options);
  const english = JSON.parse(bundle.json);
  const [types, ...translated] = await Promise.all([
    renderTypes(bundle.yaml),
    ...translationLanguages(root).map(
      async (language) =>
        [
          translatedBundleFile(language),
          await renderTranslatedBundle(english, language, root, options),
        ] as const,
    ),
  ]);
  const operations = renderOperations(english);
  const examples = renderExamples(english);
  return new Map([
    ['generated/openapi.yaml', bundle.yaml],
    ['generated/openapi.json', bundle.json],
    ...translated,
    ['generated/schema.d.ts', types],
    ['generated/operations.js', operations.js],
    ['generated/operations.d.ts', operations.dts],
    ['generated/names.d.ts', renderNames(english)],
    ['generated/examples.js', examples.js],
    ['generated/examples.d.ts', examples.dts],
    ['src/mock/dataset.json', renderDataset()],
  ]);
}
