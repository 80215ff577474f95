// Step 2 of `npm run generate`: TypeScript types for the bundled contract,
// by openapi-typescript, so src/ never restates a shape by hand.
import openapiTS, { astToString } from 'openapi-typescript';
import { blockComment, generatedBanner } from './generated-header.ts';

export async function renderTypes(bundledYaml: string): Promise<string> {
  const ast = await openapiTS(bundledYaml);
  const banner = generatedBanner('generated/openapi.yaml (openapi-typescript)');
  return `${blockComment(banner)}\n\n${astToString(ast)}`;
}
