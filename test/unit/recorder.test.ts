// The recorder behind `proxy --record`, in this process: merging by key,
// masking, what it leaves out, and the file it writes (the proxy end to end:
// test/contract/record-replay.test.ts).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecorder } from '../../mock/recorder.ts';
import dataset from '../../src/mock/dataset.json' with { type: 'json' };
import { checkDataset, DatasetError } from '../../src/mock/dataset.ts';

const { purchases, apis } = checkDataset(dataset, 'src/mock/dataset.json');
const [first, second] = purchases as [(typeof purchases)[number], (typeof purchases)[number]];
const upstream = 'https://apig.example.test';
let work = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'recorder-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('startRecorder', () => {
  it('merges list and detail by id, masks, keeps app_key when asked, leaves out orphans', async () => {
    const file = join(work, 'merged.json');
    const lines: string[] = [];
    const recorder = await startRecorder({
      file,
      upstream,
      keepAppKey: true,
      onLine: (l) => lines.push(l),
    });
    const secret = { app_secret: 'real-secret-value', app_key: 'kept-app-key' };
    recorder.record('listPurchasedGroups', {
      total: 2,
      size: 2,
      purchases: [
        { ...first, ...secret, group_domains: null, group_remark: 'from the list' },
        { ...second, ...secret, group_domains: null },
      ],
    });
    recorder.record('getPurchasedGroup', { ...first, ...secret });
    recorder.record('listPurchasedGroups', {
      total: 1,
      size: 1,
      purchases: [{ ...first, ...secret, group_domains: null }],
    });
    const orphan = apis.find(
      (api) => api.purchase_id !== first.id && api.purchase_id !== second.id,
    );
    const own = apis.find((api) => api.purchase_id === first.id);
    recorder.record('listPurchasedApis', { total: 2, size: 2, apis: [orphan, own] });
    await recorder.stop();

    const written = JSON.parse(await readFile(file, 'utf8')) as { description: string };
    expect(written.description).toBe(
      'Recorded by apig-purchases proxy --record from https://apig.example.test; secrets masked (app_key kept).',
    );
    const data = checkDataset(written, file, { unknownFields: 'refuse' });
    expect(data.purchases).toEqual([
      { ...first, app_key: 'kept-app-key', app_secret: '******' },
      { ...second, app_key: 'kept-app-key', app_secret: '******', group_domains: [] },
    ]);
    expect(data.apis).toEqual([own]);
    expect(JSON.stringify(written)).not.toContain('real-secret-value');
    expect(lines).toContain(
      `record: left out apis ${orphan?.id}: its purchase ${orphan?.purchase_id} was never recorded (list or get it through the proxy)`,
    );
    expect(lines.at(-1)).toBe(`record: wrote 2 purchases and 1 apis to ${file}`);
    // Atomic: no temporary file is left behind.
    expect(await readdir(work)).toEqual(['merged.json']);
  });

  it('masks app_key by default, and refuses to record into a file the --data check refuses', async () => {
    const file = join(work, 'masked.json');
    const recorder = await startRecorder({ file, upstream });
    recorder.record('getPurchasedGroup', { ...first, app_key: 'secret-app-key' });
    await recorder.stop();
    expect(await readFile(file, 'utf8')).not.toContain('secret-app-key');
    const broken = join(work, 'broken.json');
    await writeFile(broken, JSON.stringify({ purchases: [{ id: 'x' }] }));
    await expect(startRecorder({ file: broken, upstream })).rejects.toThrow(DatasetError);
  });
});
