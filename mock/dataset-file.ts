// `npm run mock -- --data file.json`: a dataset of one's own, checked before
// the mock starts. A problem stops the mock naming the file, the JSON pointer
// (or line and column for broken JSON) and what is wrong.
import { readFile } from 'node:fs/promises';
import { checkDataset, type DatasetCheckOptions, type MockData } from '../src/mock/dataset.ts';

export async function loadDatasetFile(
  file: string,
  options: DatasetCheckOptions = {},
): Promise<MockData> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const text = bytes.toString('utf8');
  const bad = firstInvalidUtf8(bytes, text);
  if (bad !== undefined) {
    throw new Error(`${file}:${lineColumn(text, bad)}: not UTF-8 text (save the file as UTF-8)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Node 22+ no longer says where: find the offset ourselves, on every version.
    const offset = syntaxErrorOffset(text);
    const reason = (error as Error).message.split('\n')[0];
    throw new Error(`${file}:${lineColumn(text, offset)}: not valid JSON (${reason})`);
  }
  return checkDataset(value, file, options);
}

/** Where (as a string index) the first byte that is not UTF-8 was replaced by U+FFFD, if any. */
function firstInvalidUtf8(bytes: Buffer, text: string): number | undefined {
  // The byte offset is carried forward from one U+FFFD to the next, never
  // recounted from the start: a file of many of them is checked in linear time.
  let offset = 0;
  let counted = 0;
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
    offset += Buffer.byteLength(text.slice(counted, index));
    counted = index;
    // A real U+FFFD in the file is EF BF BD; anything else was a bad byte.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return index;
    }
  }
  return undefined;
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Where a JSON text breaks: the offset of the first character that cannot
 * continue it (its length, for one cut short; the opening quote, for a string
 * that never closes), or -1 when the text is valid JSON. Iterative, so a
 * deeply nested file cannot overflow it.
 */
// A JSON string: no raw control character, only JSON's escapes.
// biome-ignore lint/suspicious/noControlCharactersInRegex: excluding them is the point.
const jsonString = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/;

export function syntaxErrorOffset(text: string): number {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at += 1;
  };
  const scalar = (): boolean => {
    const rest = text.slice(at, at + 1000);
    const match =
      jsonString.exec(rest) ??
      /^(?:true|false|null)/.exec(rest) ??
      /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (match === null) {
      // A string longer than the window: match it on the whole rest.
      const whole = rest.startsWith('"') ? jsonString.exec(text.slice(at)) : null;
      if (whole === null) return false;
      at += whole[0].length;
      return true;
    }
    at += match[0].length;
    return true;
  };
  // Each open container, and what it expects next.
  type Want = 'value-or-close' | 'value' | 'key-or-close' | 'key' | 'comma-or-close';
  const stack: { close: '}' | ']'; want: Want }[] = [];
  let done = false;
  for (;;) {
    space();
    const top = stack.at(-1);
    const char = text.charAt(at);
    if (top === undefined && done) return at < text.length ? at : -1;
    if (top !== undefined && (top.want === 'key' || top.want === 'key-or-close')) {
      if (char === '}' && top.want === 'key-or-close') {
        at += 1;
        stack.pop();
        if (stack.length === 0) done = true;
        continue;
      }
      if (char !== '"' || !scalar()) return at;
      space();
      if (text.charAt(at) !== ':') return at;
      at += 1;
      top.want = 'value';
      continue;
    }
    if (top?.want === 'comma-or-close') {
      if (char === ',') {
        at += 1;
        top.want = top.close === '}' ? 'key' : 'value';
        continue;
      }
      if (char !== top.close) return at;
      at += 1;
      stack.pop();
      if (stack.length === 0) done = true;
      continue;
    }
    if (top?.want === 'value-or-close' && char === ']') {
      at += 1;
      stack.pop();
      if (stack.length === 0) done = true;
      continue;
    }
    // A value is expected here.
    if (top !== undefined) top.want = 'comma-or-close';
    if (char === '{' || char === '[') {
      at += 1;
      stack.push(
        char === '{'
          ? { close: '}', want: 'key-or-close' }
          : { close: ']', want: 'value-or-close' },
      );
      continue;
    }
    if (!scalar()) return at;
    if (stack.length === 0) done = true;
  }
}
