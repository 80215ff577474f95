// Where the translation overlays are: openapi/translations/<lang>.yaml, read
// by the build (scripts/translations/bundle.ts) and by the spec review.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.ts';

export const translationsDir = 'openapi/translations';

/** The languages with a translation overlay under `root` (this repository by default), e.g. `['zh']`. */
export function translationLanguages(root = repoRoot): string[] {
  const folder = join(root, translationsDir);
  if (!existsSync(folder)) return [];
  // Files only: a folder named `x.yaml` is not an overlay.
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => entry.name.slice(0, -'.yaml'.length))
    .sort();
}

export const overlayFile = (language: string) => `${translationsDir}/${language}.yaml`;
