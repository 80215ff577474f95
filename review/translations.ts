// What the review says about translations (openapi/translations/<lang>.yaml),
// as findings on the overlay's lines:
// - an action whose target this change removed, or a text this change adds
//   or edits that the overlay leaves untranslated (or still translating the
//   previous English): `npm run generate` and `npm test` refuse both, so the
//   review fails first, saying what to do;
// - every translated text this change adds, edits or removes, old and new
//   (inert): the Chinese reference is half of what is published, and a
//   reviewer who reads only the report must see its changes.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, type JsonObject, unescapePointerToken } from '../lib/json.ts';
import { type Action, actionsOf, checkTranslation } from '../lib/translations/check.ts';
import { overlayFile, translationLanguages, translationsDir } from '../lib/translations/files.ts';
import { type Text, translatableTexts } from '../lib/translations/texts.ts';
import { type Change, code } from './change.ts';
import { checkIds } from './check-ids.ts';
import { CannotReview } from './errors.ts';
import { locator, type ParsedFiles, type SourceFiles, type SourceLocation } from './locate.ts';

const keyOf = (text: Text) => `${text.pointer} ${text.key}`;

const lineAt = (file: string, line: number): SourceLocation => ({
  file,
  line,
  column: 1,
  pointer: '/actions',
  exact: true,
});

/** `file:line: …` as translation problems are written: the line. */
const lineOf = (problem: string): number => Number(/^[^:]+:(\d+):/.exec(problem)?.[1] ?? 1);

/** Per language, the findings on its overlay. */
export async function translationFindings(
  top: string,
  base: JsonObject,
  head: JsonObject,
  sources: { base: SourceFiles; head: SourceFiles },
  parsedHead?: ParsedFiles,
): Promise<Change[]> {
  const before = new Map(translatableTexts(base).map((text) => [keyOf(text), text.english]));
  const changedByThisChange = (text: Text) => before.get(keyOf(text)) !== text.english;
  refuseNonFileOverlays(top);
  const findings: Change[] = [];
  for (const language of translationLanguages(top)) {
    const label = overlayFile(language);
    const report = await checkTranslation(head, join(top, label), label).catch((error: unknown) => {
      const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new CannotReview(`${label}: cannot be read (${why})`);
    });
    if (report.refused.length > 0) {
      throw new CannotReview(`the head's ${report.refused.join('; ')}`);
    }
    for (const problem of report.dangling) {
      findings.push({
        kind: 'check',
        rule: checkIds.translationTargetRemoved,
        operation: null,
        message: `${code(problem)}: remove the action or point it at the new location (${code('npm run generate')} refuses it)`,
        location: lineAt(label, lineOf(problem)),
      });
    }
    const untranslated = [
      ...report.missing
        .filter(changedByThisChange)
        .map((text) => ({ text, why: 'no translation' })),
      ...report.outdated
        .filter(changedByThisChange)
        .map((text) => ({ text, why: 'the translation still follows the previous English' })),
    ];
    // The English that changed, in the head's files: where the change is annotated.
    const inHead = locator(sources.head, parsedHead);
    const englishAt = (text: Text) =>
      inHead([...text.pointer.split('/').slice(1).map(unescapePointerToken), text.key]);
    for (const { text, why } of untranslated) {
      const location = englishAt(text);
      findings.push({
        kind: 'check',
        rule: checkIds.textUntranslated,
        operation: null,
        message: `${code(text.key)} at ${code(text.pointer || '/')} is left untranslated in ${code(label)} (${why}): update the action's ${code('update')} and ${code('x-english')}, then run ${code('npm run generate')}`,
        ...(location ? { location } : {}),
      });
    }
    findings.push(...textEdits(label, sources));
  }
  return findings;
}

/** Each translated text by action target and key, with its line. */
function translatedTexts(files: SourceFiles, label: string) {
  const text = files.texts.get(label);
  const actions: Action[] | string = text === undefined ? [] : actionsOf(text, label);
  const texts = new Map<string, { target: string; key: string; text: string; line: number }>();
  if (typeof actions === 'string') return texts;
  for (const action of actions) {
    if (typeof action.target !== 'string' || !isObject(action.update)) continue;
    for (const [key, value] of Object.entries(action.update)) {
      if (typeof value !== 'string') continue;
      texts.set(`${action.target} ${key}`, {
        target: action.target,
        key,
        text: value,
        line: action.line,
      });
    }
  }
  return texts;
}

/** The translated texts this change adds, edits or removes, old and new. */
function textEdits(label: string, sources: { base: SourceFiles; head: SourceFiles }): Change[] {
  const before = translatedTexts(sources.base, label);
  const after = translatedTexts(sources.head, label);
  const edits: Change[] = [];
  const edit = (message: string, where: Partial<Change>) =>
    edits.push({
      kind: 'non-breaking',
      rule: checkIds.chineseTextChanged,
      operation: null,
      message,
      ...where,
    });
  for (const [id, now] of after) {
    const was = before.get(id);
    const what = `${label}: ${code(now.key)} of ${code(now.target)}`;
    if (was === undefined) {
      edit(`${what} translated: ${code(now.text)}`, { location: lineAt(label, now.line) });
    } else if (was.text !== now.text) {
      edit(`${what}: ${code(was.text)} → ${code(now.text)}`, { location: lineAt(label, now.line) });
    }
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue;
    edit(
      `${label}: ${code(was.key)} of ${code(was.target)} no longer translated (was ${code(was.text)})`,
      {
        baseLocation: lineAt(label, was.line),
      },
    );
  }
  return edits;
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
