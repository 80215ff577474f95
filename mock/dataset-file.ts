// `npm run mock -- --data file.json`: a dataset of one's own, checked before
// the mock starts. A problem stops the mock naming the file, the JSON pointer
// (or line and column for broken JSON) and what is wrong.
import { readFile } from 'node:fs/promises';
import { checkDataset, type MockData } from '../src/mock/dataset.ts';

export async function loadDatasetFile(file: string): Promise<MockData> {
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
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const where = Number.isNaN(position) ? '' : `:${lineColumn(text, position)}`;
    throw new Error(`${file}${where}: not valid JSON (${message})`);
  }
  return checkDataset(value, file);
}

/** Where (as a string index) the first byte that is not UTF-8 was replaced by U+FFFD, if any. */
function firstInvalidUtf8(bytes: Buffer, text: string): number | undefined {
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
    const offset = Buffer.byteLength(text.slice(0, index));
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
