// The translated bundles: for each openapi/translations/<lang>.yaml, the
// contract with that Overlay applied by `redocly bundle --overlay`, after
// the overlay has been checked against the English bundle. A text without a
// translation, or a translation whose target is gone, stops the build here.

import { join } from 'node:path';
import { repoRoot } from '../../lib/paths.ts';
import { type RedoclyOptions, runRedocly } from '../../lib/redocly.ts';
import { checkTranslation } from '../../lib/translations/check.ts';
import { overlayFile } from '../../lib/translations/files.ts';
import { generatedBanner, hashComment } from '../generated-header.ts';

export { translationLanguages } from '../../lib/translations/files.ts';

export const translatedBundleFile = (language: string) => `generated/openapi.${language}.yaml`;

/** `generated/openapi.<lang>.yaml` for one language, or an Error listing every problem. */
export async function renderTranslatedBundle(
  english: unknown,
  language: string,
  root = repoRoot,
  options: RedoclyOptions = {},
): Promise<string> {
  const overlay = overlayFile(language);
  const report = await checkTranslation(english, join(root, overlay), overlay);
  if (report.problems.length > 0) {
    throw new Error(
      `the ${language} translation does not match the contract:\n${report.problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
  }
  const result = await runRedocly(
    ['bundle', 'openapi/openapi.yaml', '--overlay', overlay],
    root,
    options,
  );
  if (result.code !== 0) {
    throw new Error(`redocly bundle --overlay ${overlay} exited ${result.code}:\n${result.stderr}`);
  }
  const banner = generatedBanner(
    `openapi/openapi.yaml with ${overlay} applied (redocly bundle --overlay)`,
  );
  return `${hashComment(banner)}\n${result.stdout}`;
}
