// `apig-purchases proxy <upstream> --record <file>`: every validated 200
// answer of the contract's operations, merged into a dataset in the `--data`
// format, so that `apig-purchases mock --data <file>` replays real traffic.
//
// - Items are merged by their collection's key (behaviours.ts): a list and a
//   detail of the same purchase make one purchase. A field an answer leaves
//   null (the list's group_domains) never erases one another answer gave.
// - Secrets are masked as the bundled dataset masks them (`******`):
//   app_secret always, app_key unless `keepAppKey`.
// - Written atomically (a temporary file renamed over it) every `everyMs`
//   when something changed, and on stop; an existing file is read first and
//   recorded into.
// - What the `--data` check would refuse is left out, each with a line
//   saying why (an API whose purchase was never seen); the written file
//   passes the check.
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type OperationId, operations } from '../generated/operations.js';
import { type AnyBehaviour, behaviours, collections } from '../src/mock/behaviours.ts';
import { checkDataset, DatasetError, type MockData } from '../src/mock/dataset.ts';
import { loadDatasetFile } from './dataset-file.ts';

type Item = Record<string, unknown>;
type Collection = keyof typeof collections;

export interface RecorderOptions {
  file: string;
  /** Keep app_key as the upstream sent it (default: masked). */
  keepAppKey?: boolean;
  /** How often a changed dataset is written (default 10 s). */
  everyMs?: number;
  /** Where the upstream is, for the file's description. */
  upstream: string;
  onLine?: (line: string) => void;
}

export interface Recorder {
  /** A validated 200 answer of `operation`. */
  record(operation: OperationId, body: unknown): void;
  /** Writes the dataset now, if anything changed. */
  flush(): Promise<void>;
  /** Writes what is left and stops the timer. */
  stop(): Promise<void>;
}

const mask = '******';

export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const names = Object.keys(collections) as Collection[];
  const items = Object.fromEntries(names.map((name) => [name, new Map<unknown, Item>()])) as Record<
    Collection,
    Map<unknown, Item>
  >;
  if (await exists(options.file)) {
    // Recording into a file of one's own: it must pass the check first.
    const earlier = await loadDatasetFile(options.file);
    for (const name of names) {
      for (const item of earlier[name] as readonly Item[]) {
        items[name].set(item[collections[name].key], { ...item });
      }
    }
  }
  const masked: Record<string, Record<string, string>> = {
    purchases: {
      ...collections.purchases.masked,
      ...(options.keepAppKey ? {} : { app_key: mask }),
    },
  };
  let changed = false;
  let writing = Promise.resolve();
  const say = options.onLine ?? (() => {});

  const merge = (name: Collection, incoming: unknown) => {
    if (typeof incoming !== 'object' || incoming === null || Array.isArray(incoming)) return;
    const key = (incoming as Item)[collections[name].key];
    if (typeof key !== 'string' || key === '') return;
    const merged: Item = { ...items[name].get(key) };
    for (const [field, value] of Object.entries(incoming)) {
      // A JSON key `__proto__` would set the item's prototype: it is no field.
      if (field === '__proto__') continue;
      if (value === null && merged[field] !== undefined && merged[field] !== null) continue;
      merged[field] = value;
    }
    for (const [field, shown] of Object.entries(masked[name] ?? {})) {
      if (field in merged) merged[field] = shown;
    }
    items[name].set(key, merged);
    changed = true;
  };

  const write = async () => {
    if (!changed) return;
    changed = false;
    const { data, skipped } = datasetOf(items);
    for (const line of skipped) say(`record: left out ${line}`);
    const text = `${JSON.stringify(
      {
        description: `Recorded by apig-purchases proxy --record from ${new URL(options.upstream).origin}; secrets masked${options.keepAppKey ? ' (app_key kept)' : ''}.`,
        ...data,
      },
      null,
      2,
    )}\n`;
    const temporary = join(dirname(options.file), `.${basename(options.file)}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, text);
      await rename(temporary, options.file);
    } catch (error) {
      await rm(temporary, { force: true });
      changed = true;
      say(
        `record: cannot write ${options.file} (${(error as NodeJS.ErrnoException).code ?? error})`,
      );
      return;
    }
    say(
      `record: wrote ${names.map((name) => `${data[name].length} ${name}`).join(' and ')} to ${options.file}`,
    );
  };
  // One write at a time: a timer's and a stop's never interleave.
  const flush = () => {
    writing = writing.then(write);
    return writing;
  };
  const timer = setInterval(() => void flush(), options.everyMs ?? 10_000);
  timer.unref();

  return {
    record(operation, body) {
      const behaviour: AnyBehaviour = behaviours[operation];
      const spec = operations[operation];
      if (behaviour.kind === 'item') return merge(behaviour.collection, body);
      const list = spec.list && (body as Item | null)?.[spec.list.items];
      if (Array.isArray(list)) for (const item of list) merge(behaviour.collection, item);
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

/**
 * The recorded items as a dataset the `--data` check passes: a purchase only
 * ever seen in a list has no domains (`[]`); an item the check refuses is
 * left out, and said.
 */
function datasetOf(items: Record<Collection, Map<unknown, Item>>): {
  data: MockData;
  skipped: string[];
} {
  const skipped: string[] = [];
  const kept: Record<Collection, Item[]> = { purchases: [], apis: [] };
  const keep = (name: Collection, item: Item, withPurchase?: Item) => {
    try {
      const single = withPurchase
        ? { purchases: [withPurchase], [name]: [item] }
        : { [name]: [item] };
      checkDataset(single, 'recorded');
      kept[name].push(item);
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      skipped.push(
        `${name} ${String(item[collections[name].key])}: ${error.message.split('\n').at(-1)}`,
      );
    }
  };
  for (const purchase of items.purchases.values()) {
    keep('purchases', { ...purchase, group_domains: purchase.group_domains ?? [] });
  }
  const purchases = new Map(kept.purchases.map((purchase) => [purchase.id, purchase]));
  for (const api of items.apis.values()) {
    const purchase = purchases.get(api.purchase_id);
    if (purchase === undefined) {
      skipped.push(
        `apis ${String(api.id)}: its purchase ${String(api.purchase_id)} was never recorded (list or get it through the proxy)`,
      );
      continue;
    }
    keep('apis', api, purchase);
  }
  const data = { purchases: kept.purchases, apis: kept.apis };
  // The guarantee: what is written passes the `--data` check whole.
  return { data: checkDataset(data, 'recorded'), skipped };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
