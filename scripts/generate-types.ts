// Step 2 of `npm run generate`: TypeScript types for the bundled contract,
// by openapi-typescript, so src/ never restates a shape by hand.
import openapiTS, { astToString } from 'openapi-typescript';
import { blockComment, generatedBanner } from './generated-header.ts';

export async function renderTypes(bundledYaml: string): Promise<string> {
  // A default says what the server assumes when a value is left out, not that
  // an answer always has it: with openapi-typescript's default (true), taking
  // a default off a response property would make it optional in the types and
  // break callers' code on a change the review rightly calls non-breaking.
  // readWriteMarkers: a writeOnly property is never in an answer, so the
  // response types (Readable<…>) leave it out; without them, removing one
  // (a change that touches no answer) would break callers' code.
  const ast = await openapiTS(bundledYaml, { defaultNonNullable: false, readWriteMarkers: true });
  const banner = generatedBanner('generated/openapi.yaml (openapi-typescript)');
  return `${blockComment(banner)}\n\n${astToString(ast)}`;
}
