// Step 1 of `npm run generate`: bundle the multi-file contract in openapi/ into
// one document (YAML for people, JSON for code), as Redocly resolves it.
import { parse } from 'yaml';
import { generatedBanner, hashComment } from './lib/generated-header.ts';
import { runRedocly } from './lib/redocly.ts';

export interface Bundle {
  yaml: string;
  json: string;
}

export async function renderBundle(): Promise<Bundle> {
  const result = await runRedocly(['bundle', 'purchases']);
  if (result.code !== 0) {
    throw new Error(`redocly bundle failed (exit ${result.code}):\n${result.stderr}`);
  }
  const banner = generatedBanner('openapi/openapi.yaml (redocly bundle)');
  const document: unknown = parse(result.stdout);
  return {
    yaml: `${hashComment(banner)}\n${result.stdout}`,
    // JSON has no comments; the banner travels as a specification extension.
    json: `${JSON.stringify({ 'x-generated': banner.split('\n').join(' '), ...(document as object) }, null, 2)}\n`,
  };
}
