// Step 1 of `npm run generate`: bundle the multi-file contract in openapi/ into
// one document (YAML for people, JSON for code), as Redocly resolves it.

import { bundleContract } from '../lib/redocly.ts';
import { generatedBanner, hashComment } from './generated-header.ts';

export interface Bundle {
  yaml: string;
  json: string;
}

export async function renderBundle(): Promise<Bundle> {
  const bundle = await bundleContract();
  if (!bundle.ok) throw new Error(bundle.problem);
  const banner = generatedBanner('openapi/openapi.yaml (redocly bundle)');
  return {
    yaml: `${hashComment(banner)}\n${bundle.text}`,
    // JSON has no comments; the banner travels as a specification extension.
    json: `${JSON.stringify({ 'x-generated': banner.split('\n').join(' '), ...(bundle.document as object) }, null, 2)}\n`,
  };
}
