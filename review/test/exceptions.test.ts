// Narrow exceptions: an entry allows exactly the finding it names (rule,
// operation, file and pointer), an expired or unmatched entry fails, a
// malformed file says where, and every entry the head adds, changes or
// removes is itself a finding (end to end: review/test/formats.test.ts).
import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import { applyExceptions, exceptionsFile } from '../exceptions.ts';
import { plainOf } from '../inert.ts';
import type { SourceFiles } from '../locate.ts';
import { entry, required } from './exception-entry.ts';

const files = (text?: string): SourceFiles => ({
  root: 'openapi/openapi.yaml',
  texts: new Map(text === undefined ? [] : [[exceptionsFile, text]]),
});

const removed: Change = {
  kind: 'warning',
  rule: 'response-optional-property-removed',
  operation: 'GET /v1.0/apigw/purchases/groups',
  message: 'response property `quota_left` removed',
  location: { file: 'openapi/s.yaml', line: 11, column: 1, pointer: '/properties', exact: false },
  baseLocation: {
    file: 'openapi/s.yaml',
    line: 39,
    column: 3,
    pointer: '/properties/quota_left',
    exact: true,
  },
};

const TODAY = '2026-12-07';

describe('applyExceptions', () => {
  it('allows exactly the finding an entry names; a removal by its place in the base', () => {
    const text = `exceptions:\n${entry({})}${entry({
      rule: removed.rule,
      file: 'openapi/s.yaml',
      pointer: '/properties/quota_left',
    })}`;
    const other = { ...required, operation: 'GET /v1.0/apigw/purchases/apis' };
    const applied = applyExceptions(
      [required, removed, other],
      { base: files(text), head: files(text) },
      TODAY,
    );
    expect(applied.problems).toEqual([]);
    const [first, second, third] = applied.changes;
    expect(first?.accepted).toMatchObject({
      approved_by: 'api-review@example.com',
      expires: '2027-01-31',
    });
    expect(second?.accepted).toMatchObject({ pointer: '/properties/quota_left' });
    // Same rule and place, another operation: not this entry's.
    expect(third?.accepted).toBeUndefined();
    expect(applied.uses.map((use) => use.allowed.length)).toEqual([1, 1]);
  });

  it('fails an expired entry and one that matched nothing, on their lines', () => {
    const text = `exceptions:\n${entry({ expires: '2026-12-06' })}${entry({ pointer: '/schema' })}`;
    const applied = applyExceptions([required], { base: files(text), head: files(text) }, TODAY);
    expect(applied.problems.map(plainOf)).toEqual([
      expect.stringMatching(
        /^openapi\/review-exceptions\.yaml:2: the exception for .* expired on 2026-12-06: remove it, or renew it/,
      ),
      expect.stringMatching(
        /^openapi\/review-exceptions\.yaml:9: the exception for .* matched no finding of this comparison: remove it/,
      ),
    ]);
  });

  it('says what is wrong with a malformed file, and where', () => {
    const cases: [string, RegExp][] = [
      ['exceptions: [\n', /^openapi\/review-exceptions\.yaml:\d+: not YAML/],
      ['exceptions: {}\n', /`exceptions` must be a list/],
      [`exceptions:\n${entry({ reason: '' })}`, /:2: exception 1 needs reason/],
      [`exceptions:\n${entry({ expires: 'soon' })}`, /:2: exception 1: expires must be a date/],
      [
        `exceptions:\n${entry({})}    colour: red\n`,
        /:2: exception 1 has unknown field\(s\) colour/,
      ],
    ];
    for (const [text, problem] of cases) {
      const applied = applyExceptions([required], { base: files(), head: files(text) }, TODAY);
      expect(applied.problems, text).toEqual([expect.stringMatching(problem)]);
      expect(applied.changes[0]?.accepted).toBeUndefined();
    }
  });

  it("lists every entry the head adds, changes or removes against the base's file", () => {
    const kept = entry({ operation: 'GET /v1.0/apigw/purchases/apis' });
    const base = `exceptions:\n${kept}${entry({ reason: 'old reason' })}${entry({ rule: 'x-gone' })}`;
    const head = `exceptions:\n${kept}${entry({})}`;
    const applied = applyExceptions([required], { base: files(base), head: files(head) }, TODAY);
    const edits = applied.changes.filter((found) => found.rule.startsWith('review-exception-'));
    expect(edits.map((found) => [found.rule, found.kind])).toEqual([
      ['review-exception-changed', 'warning'],
      ['review-exception-removed', 'non-breaking'],
    ]);
    expect(edits[0]?.location).toMatchObject({ file: exceptionsFile, line: 9 });
    expect(plainOf(edits[0]?.message ?? '')).toContain('A reviewer must agree');
  });
});
