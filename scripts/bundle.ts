// Step 1 of `npm run generate`: bundle the multi-file contract in openapi/ into
// one document (YAML for people, JSON for code), as Redocly resolves it.

import { bundleContract, type RedoclyOptions } from '../lib/redocly.ts';
import { generatedBanner, hashComment } from './generated-header.ts';

export interface Bundle {
  yaml: string;
  json: string;
}

/** The bundle of `root`'s openapi/ (this repository's by default). */
export async function renderBundle(root?: string, options?: RedoclyOptions): Promise<Bundle> {
  const bundle = await bundleContract(root, 'yaml', options);
  if (!bundle.ok) throw new Error(bundle.problem);
  const banner = generatedBanner('openapi/openapi.yaml (redocly bundle)');
  return {
    yaml: `${hashComment(banner)}\n${bundle.text}`,
    // JSON has no comments; the banner travels as a specification extension.
    json: `${JSON.stringify({ 'x-generated': banner.split('\n').join(' '), ...(bundle.document as object) }, null, 2)}\n`,
  };
}
