// The promise behind the review's levels: a change it calls non-breaking
// compiles every consumer written against the client before it. For every
// rule fixture whose expected changes are all non-breaking (INFO, or none),
// the client's types are generated from its base and its head, and a
// consumer of the base is compiled against the head (review/client-compat.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompatResult, checkClientCompat } from '../client-compat.ts';
import { contractsOf, files, load } from './fixtures.ts';

const nonBreaking = files.filter((file) =>
  load(file).expect.every((expected) => expected.kind === 'non-breaking'),
);
const breaking = ['response-required-property-removed.yaml', 'operation-id-changed.yaml'];

const pairs = (names: readonly string[]) =>
  names.map((file) => ({ name: file.replace(/\.yaml$/, ''), ...pairOf(file) }));
const pairOf = (file: string) => {
  const { before, after } = contractsOf(load(file));
  return { base: before, head: after };
};

let results: CompatResult[] = [];

// One TypeScript program for every pair: about 5 s alone, much more on a
// loaded machine (38 s seen beside other test runs), so it runs before the
// cases with room to spare.
beforeAll(async () => {
  results = await checkClientCompat(pairs([...nonBreaking, ...breaking]));
}, 180_000);

describe('the generated client under every change the review calls non-breaking', () => {
  it('covers the non-breaking fixtures', () => {
    expect(nonBreaking.length).toBeGreaterThan(40);
    expect(nonBreaking).toContain('new-optional-request-parameter.yaml');
  });

  it.each(nonBreaking)('%s: a consumer of the base compiles against the head', async (file) => {
    const result = results.find((r) => r.name === file.replace(/\.yaml$/, ''));
    expect(result?.errors).toEqual([]);
  });

  it('would catch a break: a removed response property and a renamed method do not compile', async () => {
    for (const file of breaking) {
      const result = results.find((r) => r.name === file.replace(/\.yaml$/, ''));
      expect(result?.errors.length, file).toBeGreaterThan(0);
    }
  });
});
