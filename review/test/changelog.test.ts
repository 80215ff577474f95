// CHANGELOG.md: one section per info.version, newest first, from the review.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { change, code } from '../change.ts';
import { changelogEntry, hasSection, withEntry } from '../changelog.ts';

const project = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
const contractVersion = (
  JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as {
    info: { version: string };
  }
).info.version;
const current = '# Changelog\n\nEvery version, newest first.\n\n## 1.0.0\n\nInitial contract.\n';
const ids = new Map([['GET /items/{id}', 'getItem']]);
const changes = [
  change('breaking', 'status-removed', 'GET /items/{id}', `status ${code('404')} removed`),
  change('non-breaking', 'server-added', null, `server ${code('b')} added`),
];

describe('CHANGELOG.md', () => {
  it("has a section for the contract's info.version, and ends with 1.0.0", () => {
    expect(project).toMatch(/^# Changelog\n/);
    expect(hasSection(project, contractVersion)).toBe(true);
    expect(project).toMatch(/\n## 1\.0\.0\n\nInitial contract\.\n$/);
    expect(hasSection(current, '2.0.0')).toBe(false);
  });
});

describe('changelogEntry', () => {
  it('lists the changes by kind, each naming its operation', () => {
    expect(changelogEntry('2.0.0', changes, ids)).toBe(
      [
        '## 2.0.0',
        '',
        '### Breaking',
        '',
        '- `GET /items/{id}` (`getItem`): status `404` removed.',
        '',
        '### Non-breaking',
        '',
        '- Whole contract: server `b` added.',
        '',
      ].join('\n'),
    );
  });
});

describe('withEntry', () => {
  const entry = changelogEntry('2.0.0', changes, ids);

  it('puts a new version above the newest one, keeping the preamble', () => {
    const updated = withEntry(current, '2.0.0', entry);
    expect(updated.indexOf('## 2.0.0')).toBeLessThan(updated.indexOf('## 1.0.0'));
    expect(updated.indexOf('# Changelog')).toBe(0);
    expect(updated).toContain(`${entry}\n## 1.0.0\n\nInitial contract.\n`);
  });

  it('replaces the section of a version written before, so a rerun does not duplicate it', () => {
    const once = withEntry(current, '2.0.0', entry);
    const again = withEntry(once, '2.0.0', changelogEntry('2.0.0', changes.slice(0, 1), ids));
    expect(again.match(/## 2\.0\.0/g)).toHaveLength(1);
    expect(again).not.toContain('server `b` added');
    expect(again).toContain('## 1.0.0\n\nInitial contract.\n');
  });

  it('replaces the last section too, and appends to a changelog with no section', () => {
    const last = withEntry('# Changelog\n\n## 2.0.0\n\nold\n', '2.0.0', entry);
    expect(last).toBe(`# Changelog\n\n${entry}`);
    expect(withEntry('# Changelog\n', '2.0.0', entry)).toBe(`# Changelog\n\n${entry}`);
  });
});
