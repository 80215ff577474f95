// Checks a translation overlay against the English contract it translates:
// every text has a translation, every target still exists, and every
// translated key is a text of its target. Also lists the translations whose
// English has changed since (x-english no longer matches): not an error,
// but the spec review reports them.
import { readFile } from 'node:fs/promises';
import { query } from 'jsonpath-rfc9535';
import { isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { isObject, type JsonObject } from '../json.ts';
import { type Text, translatableTexts } from './texts.ts';

export interface TranslationReport {
  /** What makes the build fail, each naming a file:line or a JSON pointer. */
  problems: string[];
  /** Texts whose English changed after they were translated. */
  outdated: Text[];
  /** Texts with no translation (also in `problems`). */
  missing: Text[];
  /** Actions whose target matches nothing any more, as `file:line: …` (also in `problems`). */
  dangling: string[];
  /** Actions whose target was not run (see targetProblem), as `file:line: …` (also in `problems`). */
  refused: string[];
}

export interface Action {
  line: number;
  target: unknown;
  update: unknown;
  english: unknown;
}

const excerpt = (text: string) => {
  const line = text.trim().split('\n')[0] ?? '';
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
};

// Targets are data from the tree being checked (a pull request's, for the
// review). JSONPath's match() and search() run a regular expression over
// the contract, which a crafted pattern turns into hours of backtracking; and
// filters nest, each one multiplying the work. A translation overlay needs
// plain paths and an equality filter (`$.tags[?@.name=='Purchases']`), so
// anything beyond that is refused before it runs.
export const targetLimits = { length: 500, filters: 2 } as const;

/** Why a target may not run, or undefined when it may. */
export function targetProblem(target: string): string | undefined {
  if (target.length > targetLimits.length) {
    return `is ${target.length} characters long, over the ${targetLimits.length} a target may have`;
  }
  if (/\b(?:match|search)\s*\(/.test(target)) {
    return 'uses match() or search(): a regular expression from the overlay is not run (use a path or an == filter)';
  }
  const filters = target.split('?').length - 1;
  if (filters > targetLimits.filters) {
    return `has ${filters} filters, over the ${targetLimits.filters} a target may have`;
  }
  if (/\?[^\]]*\.\./.test(target)) {
    return 'searches descendants (..) inside a filter, whose work grows with the contract at every level';
  }
  return undefined;
}

async function readActions(file: string, label: string): Promise<Action[] | string> {
  return actionsOf(await readFile(file, 'utf8'), label);
}

/** The actions of an Overlay's text, each with its line, or what is wrong with it (`file:line:col: …`). */
export function actionsOf(text: string, label: string): Action[] | string {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const [error] = document.errors;
  if (error !== undefined) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return `${label}:${line}:${col}: ${error.message.split('\n')[0]}`;
  }
  const actions = document.get('actions', true);
  if (!isSeq(actions)) return `${label}:1: an Overlay needs an \`actions\` list`;
  return actions.items.map((item): Action => {
    const line = lineCounter.linePos(isNode(item) ? (item.range?.[0] ?? 0) : 0).line;
    if (!isMap(item)) return { line, target: undefined, update: undefined, english: undefined };
    const plain = (key: string): unknown => {
      const value = item.get(key, true);
      return isNode(value) ? value.toJSON() : value;
    };
    return { line, target: plain('target'), update: plain('update'), english: plain('x-english') };
  });
}

/** Checks `overlayFile` (an Overlay 1.0 document) against `english`, the bundled contract. */
export async function checkTranslation(
  english: unknown,
  overlayFile: string,
  label = overlayFile,
): Promise<TranslationReport> {
  const problems: string[] = [];
  const outdated: Text[] = [];
  const texts = translatableTexts(english);
  const textsOf = new Map<JsonObject, Map<string, Text>>();
  for (const text of texts) {
    const keys = textsOf.get(text.node) ?? new Map<string, Text>();
    keys.set(text.key, text);
    textsOf.set(text.node, keys);
  }

  const actions = await readActions(overlayFile, label);
  if (typeof actions === 'string') {
    return { problems: [actions], outdated, missing: [], dangling: [], refused: [] };
  }
  const dangling: string[] = [];
  const refusedTargets: string[] = [];
  const covered = new Set<Text>();
  for (const action of actions) {
    const at = `${label}:${action.line}`;
    if (typeof action.target !== 'string') {
      problems.push(`${at}: the action has no \`target\``);
      continue;
    }
    const refused = targetProblem(action.target);
    if (refused !== undefined) {
      const problem = `${at}: target ${JSON.stringify(action.target.slice(0, 80))} ${refused}`;
      problems.push(problem);
      refusedTargets.push(problem);
      continue;
    }
    let nodes: unknown[];
    try {
      nodes = query(english as never, action.target);
    } catch (error) {
      problems.push(
        `${at}: target ${action.target} is not a JSONPath: ${(error as Error).message}`,
      );
      continue;
    }
    if (nodes.length === 0) {
      const problem = `${at}: target ${action.target} matches nothing in the contract: its location no longer exists`;
      problems.push(problem);
      dangling.push(problem);
      continue;
    }
    if (!isObject(action.update)) {
      problems.push(`${at}: the action for ${action.target} has no \`update\` of translated texts`);
      continue;
    }
    const recorded = isObject(action.english) ? action.english : {};
    for (const [key, translated] of Object.entries(action.update)) {
      for (const node of nodes) {
        const text = isObject(node) ? textsOf.get(node)?.get(key) : undefined;
        if (text === undefined) {
          problems.push(`${at}: ${action.target} has no ${key} to translate`);
          continue;
        }
        if (typeof translated !== 'string' || translated.trim() === '') {
          problems.push(`${at}: the ${key} of ${action.target} is translated by an empty text`);
          continue;
        }
        if (typeof recorded[key] !== 'string') {
          problems.push(`${at}: x-english.${key} is missing: record the English this translates`);
        } else if (recorded[key] !== text.english) {
          outdated.push(text);
        }
        covered.add(text);
      }
    }
  }
  const missing = texts.filter((text) => !covered.has(text));
  for (const text of missing) {
    problems.push(
      `${label}: no translation of ${text.key} at ${text.pointer || '/'} (${excerpt(text.english)})`,
    );
  }
  return { problems, outdated, missing, dangling, refused: refusedTargets };
}
