// When the review passes: breaking changes fail it unless allowed, and even
// allowed ones need a new major info.version.
import { describe, expect, it } from 'vitest';
import { type Change, change } from '../change.ts';
import { plainOf } from '../inert.ts';
import { judge, majorOf, nextMajor } from '../verdict.ts';

const breaking: Change = change('breaking', 'status-removed', 'GET /items', 'status `404` removed');
const addition: Change = change('non-breaking', 'status-added', 'GET /items', 'status `401` added');

describe('judge', () => {
  const unclassified = change('unclassified', 'unclassified', 'GET /items', '`x-a` changed');

  it('fails an unclassified change unless --allow-unclassified, whatever else changed', () => {
    const input = {
      changes: [addition, unclassified],
      baseVersion: '1.0.0',
      headVersion: '1.1.0',
      allowBreaking: false,
    };
    const failed = judge({ ...input, allowUnclassified: false });
    expect(failed.passed).toBe(false);
    expect(failed.problems).toEqual([expect.stringContaining('--allow-unclassified')]);
    expect(judge({ ...input, allowUnclassified: true })).toEqual({ passed: true, problems: [] });
  });

  it('passes a non-breaking change in a new minor or patch version', () => {
    for (const headVersion of ['1.1.0', '1.0.1']) {
      expect(
        judge({
          changes: [addition],
          baseVersion: '1.0.0',
          headVersion,
          allowBreaking: false,
          allowUnclassified: false,
        }),
      ).toEqual({ passed: true, problems: [] });
    }
  });

  it('fails a non-breaking change whose info.version did not move (the one version policy)', () => {
    const verdict = judge({
      changes: [addition],
      baseVersion: '1.0.0',
      headVersion: '1.0.0',
      allowBreaking: false,
      allowUnclassified: false,
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.problems.map(plainOf)).toEqual([
      expect.stringMatching(
        /^`info\.version` is still `1\.0\.0`: every change clients see ships in a new version/,
      ),
    ]);
  });

  it('asks no version for what only the exceptions file or a CI check says, nor for an accepted change', () => {
    const own: Change = {
      kind: 'warning',
      rule: 'review-exception-added',
      operation: null,
      message: 'x',
    };
    const check: Change = { kind: 'check', rule: 'generated-stale', operation: null, message: 'x' };
    const input = {
      baseVersion: '1.0.0',
      headVersion: '1.0.0',
      allowBreaking: false,
      allowUnclassified: false,
    };
    expect(judge({ ...input, changes: [own] })).toEqual({ passed: true, problems: [] });
    expect(judge({ ...input, changes: [check] }).problems).toEqual([
      expect.stringContaining('1 finding that CI would refuse'),
    ]);
    const accepted: Change = {
      ...breaking,
      accepted: {
        rule: breaking.rule,
        operation: breaking.operation,
        file: 'openapi/x.yaml',
        pointer: '/a',
        reason: 'r',
        approved_by: 'a',
        expires: '2099-01-01',
      },
    };
    // Accepted, it fails nothing itself, but still needs its new major.
    expect(judge({ ...input, changes: [accepted] }).problems).toEqual([
      expect.stringContaining('A breaking change must bump the major version'),
    ]);
    expect(judge({ ...input, headVersion: '2.0.0', changes: [accepted] })).toEqual({
      passed: true,
      problems: [],
    });
  });

  it('fails a breaking change that is not allowed, and asks for the major bump too', () => {
    const verdict = judge({
      changes: [breaking],
      baseVersion: '1.0.0',
      headVersion: '1.0.0',
      allowBreaking: false,
      allowUnclassified: false,
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.problems).toHaveLength(2);
    expect(verdict.problems[0]).toContain('--allow-breaking');
    expect(plainOf(verdict.problems[1] ?? '')).toMatch(
      /bump the major version.*from `1\.0\.0` to `2\.0\.0`/,
    );
  });

  it('fails an allowed breaking change when the major version stays the same', () => {
    const verdict = judge({
      changes: [breaking],
      baseVersion: '1.2.0',
      headVersion: '1.3.0',
      allowBreaking: true,
      allowUnclassified: false,
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.problems.map(plainOf)).toEqual([
      expect.stringMatching(/must bump the major version.*to `2\.0\.0`/),
    ]);
  });

  it('passes an allowed breaking change with a new major version', () => {
    expect(
      judge({
        changes: [breaking],
        baseVersion: '1.2.0',
        headVersion: '2.0.0',
        allowBreaking: true,
        allowUnclassified: false,
      }).passed,
    ).toBe(true);
  });

  it('still fails a breaking change with a new major version when it is not allowed', () => {
    const verdict = judge({
      changes: [breaking],
      baseVersion: '1.0.0',
      headVersion: '2.0.0',
      allowBreaking: false,
      allowUnclassified: false,
    });
    expect(verdict.problems).toEqual([expect.stringContaining('--allow-breaking')]);
  });

  it('fails a breaking change when a version is not semver', () => {
    const verdict = judge({
      changes: [breaking],
      baseVersion: '1.0.0',
      headVersion: 'next',
      allowBreaking: true,
      allowUnclassified: false,
    });
    expect(verdict.problems).toEqual([expect.stringContaining('not semver')]);
  });
});

describe('versions', () => {
  it('reads the major of a semver version', () => {
    expect(majorOf('1.0.0')).toBe(1);
    expect(majorOf('12.3.4-beta.1')).toBe(12);
    expect(majorOf('v2.0.0')).toBe(2);
    expect(majorOf('latest')).toBeUndefined();
    expect(nextMajor('1.4.2')).toBe('2.0.0');
  });
});
