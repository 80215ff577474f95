// Which texts of an OpenAPI document a reader sees and a translation must
// cover: every `title`, `summary` and `description` string, and each tag's
// name (shown through `x-displayName`). Example values, defaults, enums and
// extensions are data, not prose, and are never translated.

import { escapePointerToken, isObject, type JsonObject } from '../json.ts';

export interface Text {
  /** The object holding the text. */
  node: JsonObject;
  /** Its JSON pointer in the document. */
  pointer: string;
  /** The key whose value is the text (`x-displayName` for a tag's name). */
  key: string;
  /** The English text. */
  english: string;
}

const PROSE_KEYS = new Set(['title', 'summary', 'description']);
// Subtrees that hold data rather than prose...
const DATA_KEYS = new Set(['value', 'example', 'default', 'enum', 'const']);
// ...except in objects whose keys are names (a property called `value`).
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'schemas',
  'parameters',
  'responses',
  'headers',
  'examples',
  'securitySchemes',
  'variables',
  'paths',
  'content',
]);

/** Every translatable text of `document`, in document order. */
export function translatableTexts(document: unknown): Text[] {
  const texts: Text[] = [];
  const walk = (value: unknown, pointer: string, parentKey: string) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries())
        walk(item, `${pointer}/${index}`, `${parentKey}[]`);
      return;
    }
    if (!isObject(value)) return;
    if (parentKey === 'tags[]' && pointer.startsWith('/tags/') && typeof value.name === 'string') {
      texts.push({ node: value, pointer, key: 'x-displayName', english: value.name });
    }
    const namesOnly = NAME_MAPS.has(parentKey);
    for (const [key, child] of Object.entries(value)) {
      if (namesOnly) {
        walk(child, `${pointer}/${escapePointerToken(key)}`, '');
      } else if (key.startsWith('x-') || DATA_KEYS.has(key) || isDataArray(key, child)) {
        // data, not prose
      } else if (typeof child === 'string' && PROSE_KEYS.has(key)) {
        texts.push({ node: value, pointer, key, english: child });
      } else {
        walk(child, `${pointer}/${escapePointerToken(key)}`, key);
      }
    }
  };
  walk(document, '', '');
  return texts;
}

// A schema's `examples` is an array of data; elsewhere `examples` maps names
// to Example Objects, whose summary and description are prose.
const isDataArray = (key: string, value: unknown) => key === 'examples' && Array.isArray(value);
