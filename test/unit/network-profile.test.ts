// The network profile's checks (every problem at once, by JSON pointer or by
// flag), the gate's seeded draws, token lifetimes and signature checks, in
// this process: the HTTP mock and MSW agree on them in
// test/contract/network.test.ts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfileFile, profileFromFlags } from '../../mock/profile-file.ts';
import { createGate, type GateRequest, maxRememberedTokens } from '../../src/mock/network-gate.ts';
import { checkProfile, describeProfile, ProfileError } from '../../src/mock/network-profile.ts';
import { signatureProblem } from '../../src/mock/verify-signature.ts';
import { signHeaders } from '../../src/signing/signer.ts';

const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as Error).message.split('\n');
  }
  return [];
};

describe('checkProfile', () => {
  it('reads latency, faults, tokenTtl and per-operation conditions', () => {
    const profile = checkProfile(
      {
        latency: '100-300',
        faults: { 429: 0.05, reset: 0.01 },
        tokenTtl: 30,
        operations: { getPurchasedGroup: { latency: 800, faults: '404=0.2' } },
      },
      'p.yaml',
    );
    expect(profile).toEqual({
      latency: { min: 100, max: 300 },
      faults: [
        { kind: '429', rate: 0.05 },
        { kind: 'reset', rate: 0.01 },
      ],
      tokenTtlMinutes: 30,
      operations: {
        getPurchasedGroup: {
          latency: { min: 800, max: 800 },
          faults: [{ kind: '404', rate: 0.2 }],
        },
      },
    });
    expect(describeProfile(profile)).toEqual([
      'every operation: latency 100-300 ms, faults 429=0.05,reset=0.01',
      'getPurchasedGroup: latency 800 ms, faults 404=0.2',
      'a token expires 30 min after its first use',
    ]);
  });

  it('lists every problem at once, each by JSON pointer', () => {
    const problems = problemsOf(() =>
      checkProfile(
        {
          latency: '300-100',
          faults: { 503: 0.1, 429: 2, teapot: 0.1 },
          colour: 'red',
          tokenTtl: -1,
          operations: {
            listPurchasedGroups: { faults: { 404: 0.1 }, jitter: 3 },
            deleteEverything: {},
          },
        },
        'p.yaml',
      ),
    );
    expect(problems).toEqual([
      'p.yaml: /colour: is not a profile field (latency, faults, tokenTtl, operations)',
      'p.yaml: /latency: its minimum 300 is above its maximum 100',
      'p.yaml: /faults/429: needs a rate from 0 to 1, as 429=0.05, got 2',
      'p.yaml: /faults/teapot: is not a fault: a status such as 429 or 500, reset or timeout',
      'p.yaml: /faults/503: 503 is documented by no operation of the contract (error statuses: 400, 401, 403, 404, 429, 500); a fault is a documented answer, reset or timeout',
      'p.yaml: /tokenTtl: must be minutes above 0 (a year at most), as 30 or 0.5, got -1',
      'p.yaml: /operations/listPurchasedGroups/jitter: is not an operation field (latency, faults)',
      'p.yaml: /operations/listPurchasedGroups/faults/404: 404 is not documented for listPurchasedGroups (its error statuses: 400, 401, 429, 500); a fault is a documented answer, reset or timeout',
      'p.yaml: /operations/deleteEverything: is not an operation of the contract (listPurchasedGroups, getPurchasedGroup, listPurchasedApis)',
    ]);
  });
});

describe('--profile and the flags over it', () => {
  let work = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'profile-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('reads YAML and JSON; the flags win', async () => {
    const yamlFile = join(work, 'p.yaml');
    await writeFile(yamlFile, 'latency: 50-80\nfaults:\n  500: 0.1\ntokenTtl: 5\n');
    const profile = await profileFromFlags({ profile: yamlFile, latency: '7', 'token-ttl': '0.5' });
    expect(profile).toMatchObject({
      latency: { min: 7, max: 7 },
      faults: [{ kind: '500', rate: 0.1 }],
      tokenTtlMinutes: 0.5,
    });
    const jsonFile = join(work, 'p.json');
    await writeFile(jsonFile, JSON.stringify({ faults: { reset: 0.5 } }));
    expect(await profileFromFlags({ profile: jsonFile })).toEqual({
      faults: [{ kind: 'reset', rate: 0.5 }],
    });
  });

  it("names the file's and the flags' problems together", async () => {
    const file = join(work, 'bad.yaml');
    await writeFile(file, 'latency: soon\n');
    const error = await profileFromFlags({
      profile: file,
      faults: '429=0.5,418=0.1',
      seed: '1',
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as Error).message.split('\n')).toEqual([
      `${file}: /latency: must be milliseconds, as 120 or 100-300, got "soon"`,
      '--faults 418: 418 is documented by no operation of the contract (error statuses: 400, 401, 403, 404, 429, 500); a fault is a documented answer, reset or timeout',
    ]);
  });

  it('broken YAML is named by line and column; a missing file by its code', async () => {
    const file = join(work, 'broken.yaml');
    await writeFile(file, 'latency: 10\nfaults: [\n');
    await expect(loadProfileFile(file)).rejects.toThrow(/broken\.yaml:3:1: not valid JSON or YAML/);
    await expect(loadProfileFile(join(work, 'none.yaml'))).rejects.toThrow(
      /none\.yaml: cannot be read \(ENOENT\)/,
    );
  });
});

const request = (headers: Record<string, string>, operation = 'listPurchasedApis'): GateRequest =>
  ({
    operation,
    method: 'GET',
    target: '/v1.0/apigw/purchases/apis',
    host: 'mock.test',
    headers: new Headers(headers),
  }) as GateRequest;

describe('the gate', () => {
  it('draws faults at their rates, and the same seed draws the same', async () => {
    const profile = checkProfile({ faults: { 429: 0.1, 500: 0.05, reset: 0.02 } }, 'test');
    const run = async (seed: number) => {
      const gate = createGate({ profile, seed });
      const counts: Record<string, number> = {};
      const kinds: string[] = [];
      for (let index = 0; index < 20_000; index++) {
        const { verdict } = await gate.check(request({ 'X-Auth-Token': 't' }));
        const kind = verdict.kind === 'answer' ? String(verdict.answer.status) : verdict.kind;
        counts[kind] = (counts[kind] ?? 0) + 1;
        kinds.push(kind);
      }
      return { counts, kinds };
    };
    const { counts, kinds } = await run(11);
    // 20,000 draws: within about four standard deviations of each rate.
    expect(Math.abs((counts['429'] ?? 0) / 20_000 - 0.1)).toBeLessThan(0.01);
    expect(Math.abs((counts['500'] ?? 0) / 20_000 - 0.05)).toBeLessThan(0.007);
    expect(Math.abs((counts.reset ?? 0) / 20_000 - 0.02)).toBeLessThan(0.005);
    expect((await run(11)).kinds).toEqual(kinds);
    expect((await run(12)).kinds).not.toEqual(kinds);
  });

  it('remembers at most maxRememberedTokens tokens', async () => {
    let clock = 0;
    const gate = createGate({ profile: { tokenTtlMinutes: 1 }, now: () => clock });
    await gate.check(request({ 'X-Auth-Token': 'first' }));
    for (let index = 0; index < maxRememberedTokens; index++) {
      await gate.check(request({ 'X-Auth-Token': `t${index}` }));
    }
    clock = 120_000;
    // `first` was forgotten: it starts again; the newest is remembered, and expired.
    expect((await gate.check(request({ 'X-Auth-Token': 'first' }))).verdict.kind).toBe('pass');
    const newest = await gate.check(request({ 'X-Auth-Token': `t${maxRememberedTokens - 1}` }));
    expect(newest.verdict).toMatchObject({ kind: 'answer', answer: { status: 401 } });
  });
});

describe('signatureProblem, as APIG checks a signature', () => {
  const keys = { accessKey: 'AK-TEST', secretKey: 'SK-TEST-never-shown' };
  const at = Date.UTC(2026, 11, 7, 12);
  const received = async (extra: Record<string, string> = {}, dateMs = at) => {
    const url = 'http://mock.test/v1.0/apigw/purchases/apis?page_size=2';
    const signed = await signHeaders(
      { method: 'GET', url, headers: extra },
      keys,
      new Date(dateMs),
    );
    return {
      method: 'GET',
      target: '/v1.0/apigw/purchases/apis?page_size=2',
      host: 'mock.test',
      headers: new Headers({ ...extra, ...signed }),
    };
  };

  it('holds for what this project signs, a security token included', async () => {
    expect(await signatureProblem(await received(), keys, at)).toBeUndefined();
    const temporary = await signHeaders(
      { method: 'GET', url: 'http://mock.test/x' },
      { ...keys, securityToken: 'session-token' },
      new Date(at),
    );
    const problem = await signatureProblem(
      { method: 'GET', target: '/x', host: 'mock.test', headers: new Headers(temporary) },
      keys,
      at,
    );
    expect(problem).toBeUndefined();
  });

  it('says why it fails, never with the secret key', async () => {
    const good = await received();
    const cases: [Partial<typeof good> & { nowMs?: number }, string][] = [
      [{ target: '/v1.0/apigw/purchases/apis?page_size=3' }, 'the signature does not match'],
      [{ host: 'other.test' }, 'the signature does not match'],
      [{ nowMs: at + 16 * 60_000 }, 'X-Sdk-Date is 16 min behind the mock'],
      [{ nowMs: at - 16 * 60_000 }, 'X-Sdk-Date is 16 min ahead of the mock'],
    ];
    for (const [change, expected] of cases) {
      const { nowMs = at, ...parts } = change;
      const problem = await signatureProblem({ ...good, ...parts }, keys, nowMs);
      expect(problem).toContain(expected);
      expect(problem).not.toContain(keys.secretKey);
    }
    const other = await signatureProblem(good, { ...keys, accessKey: 'AK-OTHER' }, at);
    expect(other).toContain('access key is not the one');
    const headers = new Headers(good.headers);
    headers.delete('X-Sdk-Date');
    expect(await signatureProblem({ ...good, headers }, keys, at)).toContain(
      'X-Sdk-Date is missing',
    );
  });
});
