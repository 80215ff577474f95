// `npm run mock -- --data file.json`: a dataset of one's own, checked before
// the mock starts. A problem stops the mock naming the file, the JSON pointer
// (or line and column for broken JSON) and what is wrong.
import { readFile } from 'node:fs/promises';
import { checkDataset, type MockPurchase } from '../src/mock/dataset.ts';

export async function loadDatasetFile(file: string): Promise<MockPurchase[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
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

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}
