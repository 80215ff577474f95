// What the review says about translations: the texts a change adds or edits
// that a translation overlay (openapi/translations/<lang>.yaml) leaves
// untranslated, either missing or still translating the previous English.
// A note, not a failure: `npm test` already fails on a missing one.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../lib/json.ts';
import { checkTranslation } from '../lib/translations/check.ts';
import { overlayFile, translationLanguages, translationsDir } from '../lib/translations/files.ts';
import { type Text, translatableTexts } from '../lib/translations/texts.ts';
import { code } from './change.ts';
import { CannotReview } from './errors.ts';

const keyOf = (text: Text) => `${text.pointer} ${text.key}`;

/** One note per language whose overlay leaves a text of this change untranslated. */
export async function translationNotes(
  top: string,
  base: JsonObject,
  head: JsonObject,
): Promise<string[]> {
  const before = new Map(translatableTexts(base).map((text) => [keyOf(text), text.english]));
  const changedByThisChange = (text: Text) => before.get(keyOf(text)) !== text.english;
  refuseNonFileOverlays(top);
  const notes: string[] = [];
  for (const language of translationLanguages(top)) {
    const label = overlayFile(language);
    const report = await checkTranslation(head, join(top, label), label).catch((error: unknown) => {
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new CannotReview(`${label}: cannot be read (${why})`);
    });
    if (report.refused.length > 0) {
      throw new CannotReview(`the head's ${report.refused.join('; ')}`);
    }
    const untranslated = [
      ...report.missing
        .filter(changedByThisChange)
        .map((text) => `${located(text)} (no translation)`),
      ...report.outdated
        .filter(changedByThisChange)
        .map((text) => `${located(text)} (the translation still follows the previous English)`),
    ];
    if (report.dangling.length > 0) {
      notes.push(
        `${code(label)} has ${report.dangling.length} action(s) whose target this change removed, which ${code('npm run generate')} refuses: ${report.dangling.map((problem) => code(problem)).join('; ')}. Remove them or point them at the new location.`,
      );
    }
    if (untranslated.length > 0) {
      notes.push(
        `this change leaves ${untranslated.length} text(s) untranslated in ${code(label)}: ${untranslated.join('; ')}. Update the action's ${code('update')} and ${code('x-english')}.`,
      );
    }
  }
  return notes;
}

/** An overlay name that is not a file (a folder `x.yaml`) cannot be compared: exit 2, not a crash. */
function refuseNonFileOverlays(top: string): void {
  const folder = join(top, translationsDir);
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.endsWith('.yaml') && !entry.isFile()) {
      throw new CannotReview(
        `${translationsDir}/${entry.name}: not a regular file, where a translation overlay is expected`,
      );
    }
  }
}

const located = (text: Text) => `${code(text.key)} at ${code(text.pointer || '/')}`;
