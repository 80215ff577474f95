// Every rule of the catalogue on its fixture: fixtures/base.yaml (patched
// by the file's `base:` steps, when it has any) against the same patched by
// one file of fixtures/changes/ must give exactly the changes that file
// expects, no more (so a non-breaking fixture also proves nothing breaking is
// reported) and no fewer. Every catalogue id has a fixture named after it,
// every fixture names the oasdiff rule it corresponds to, and every case that
// oasdiff calls ERR fails the review.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue, catalogueIds } from '../catalogue.ts';
import type { Change } from '../change.ts';
import { compareContracts } from '../compare.ts';
import { plainOf } from '../inert.ts';
import { RULE_IDS } from '../rule-ids.ts';
import { judge } from '../verdict.ts';
import { applyPatch, base, contractsOf, files, load, policyOf } from './fixtures.ts';

const rulesDir = new URL('../rules/', import.meta.url).pathname;

const identity = (found: { kind: string; rule: string; operation: string | null }) =>
  `${found.kind} ${found.rule} ${found.operation ?? '(contract)'}`;

const outcomes = new Map<string, Change[]>();
const outcome = (file: string): Change[] => {
  let changes = outcomes.get(file);
  if (changes === undefined) {
    const fixture = load(file);
    const { before, after } = contractsOf(fixture);
    changes = compareContracts(before, after, { policy: policyOf(fixture) });
    outcomes.set(file, changes);
  }
  return changes;
};

describe('the comparer on each fixture', () => {
  it.each(files)('%s', (file) => {
    const fixture = load(file);
    const changes = outcome(file);
    expect(changes.map(identity).sort()).toEqual(fixture.expect.map(identity).sort());
    for (const expected of fixture.expect) {
      if (expected.says === undefined) continue;
      const messages = changes
        .filter((found) => identity(found) === identity(expected))
        .map((found) => plainOf(found.message));
      expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(expected.says)]));
    }
  });
});

describe('the rule catalogue and its fixtures', () => {
  it.each(catalogue.map((rule) => [rule.id, rule] as const))(
    '%s has a fixture that finds it, at its level, naming its oasdiff counterpart',
    (id, rule) => {
      expect(files, `review/fixtures/changes/${id}.yaml`).toContain(`${id}.yaml`);
      const fixture = load(`${id}.yaml`);
      expect(fixture.oasdiff).toEqual(rule.oasdiff);
      const kind = { error: 'breaking', warning: 'warning', info: 'non-breaking' }[rule.level];
      expect(outcome(`${id}.yaml`)).toContainEqual(expect.objectContaining({ rule: id, kind }));
      if (
        rule.oasdiff &&
        rule.oasdiff.level !== { error: 'ERR', warning: 'WARN', info: 'INFO' }[rule.level]
      ) {
        expect(rule.differs, `${id} differs from oasdiff and must say why`).toBeTruthy();
      }
    },
  );

  it.each(catalogue.filter((rule) => rule.bodyId).map((rule) => [rule.bodyId, rule] as const))(
    '%s (a rule on the body itself) has a fixture that finds it',
    (bodyId, rule) => {
      expect(files, `review/fixtures/changes/${bodyId}.yaml`).toContain(`${bodyId}.yaml`);
      const fixture = load(`${bodyId}.yaml`);
      expect(fixture.oasdiff?.id).toBe(bodyId);
      const kind = { error: 'breaking', warning: 'warning', info: 'non-breaking' }[rule.level];
      expect(outcome(`${bodyId}.yaml`)).toContainEqual(
        expect.objectContaining({ rule: bodyId, kind }),
      );
    },
  );

  it('every fixture states the oasdiff rule it corresponds to (or null)', () => {
    for (const file of files) expect(load(file), file).toHaveProperty('oasdiff');
  });

  it('fails the review on every case oasdiff calls ERR, and on every unclassified one', () => {
    for (const file of files) {
      const fixture = load(file);
      const changes = outcome(file);
      const verdict = judge({
        changes,
        baseVersion: '1.0.0',
        headVersion: '1.1.0',
        allowBreaking: false,
        allowUnclassified: false,
      });
      if (fixture.oasdiff?.level === 'ERR') expect(verdict.passed, file).toBe(false);
      if (changes.some((found) => found.kind === 'unclassified'))
        expect(verdict.passed, file).toBe(false);
    }
  });

  it('passes a clean tree and a description-only change', () => {
    for (const file of ['no-change.yaml', 'documentation-changed.yaml', 'allof-refactor.yaml']) {
      const verdict = judge({
        changes: outcome(file),
        baseVersion: '1.0.0',
        headVersion: '1.0.1',
        allowBreaking: false,
        allowUnclassified: false,
      });
      expect(verdict, file).toEqual({ passed: true, problems: [] });
    }
  });

  it('names every rule from the one list of ids, in its order, each once', () => {
    expect(catalogueIds).toEqual([...RULE_IDS]);
  });

  it('assembles no rule id from parts: every id in a rule file is written out', () => {
    const prefixes = new Set(RULE_IDS.map((id) => id.split('-')[0]));
    const assembled = new RegExp(`\`(?:${[...prefixes].join('|')})-[^\`]*\\$\\{`);
    for (const name of readdirSync(rulesDir)) {
      const text = readFileSync(join(rulesDir, name), 'utf8');
      expect(text, `review/rules/${name}`).not.toMatch(assembled);
    }
  });

  it('applies patches that fail loudly when a path is wrong', () => {
    expect(() => applyPatch(base, [{ op: 'remove', path: '/paths/~1nowhere' }])).toThrow(
      /nothing at/,
    );
  });

  // The table of every fixture against oasdiff, for a reviewer of the rules
  // (PRINT_RULE_TABLE=1 npx vitest run review/test/rules.test.ts); the same
  // catalogue is in docs/review.md (npm run review:rules).
  afterAll(() => {
    if (!process.env.PRINT_RULE_TABLE) return;
    const levelOf = { error: 'ERR', warning: 'WARN', info: 'INFO' } as const;
    const rows = files.map((file) => {
      const fixture = load(file);
      const ours = catalogue.find((rule) => rule.id === file.replace(/\.yaml$/, ''));
      const found = outcome(file);
      const fails = !judge({
        changes: found,
        baseVersion: '1.0.0',
        headVersion: '1.1.0',
        allowBreaking: false,
        allowUnclassified: false,
      }).passed;
      const severest = (['unclassified', 'breaking', 'warning', 'non-breaking'] as const).find(
        (kind) => found.some((c) => c.kind === kind),
      );
      const ourLevel = ours
        ? levelOf[ours.level]
        : severest === undefined
          ? '–'
          : {
              unclassified: 'UNCLASSIFIED',
              breaking: 'ERR',
              warning: 'WARN',
              'non-breaking': 'INFO',
            }[severest];
      return {
        case: file.replace(/\.yaml$/, ''),
        ours: ourLevel,
        oasdiff: fixture.oasdiff ? `${fixture.oasdiff.id} ${fixture.oasdiff.level}` : '(none)',
        agree:
          fixture.oasdiff === null
            ? '–'
            : ourLevel === fixture.oasdiff.level
              ? 'yes'
              : 'no (see differs)',
        review: fails ? 'FAILS' : 'passes',
      };
    });
    console.log('review rules against oasdiff (review/fixtures/changes):');
    console.table(rows);
  });
});
