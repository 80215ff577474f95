// The Markdown report: result first, then lint, changes per operation, stats
// and where the docs are.
import { describe, expect, it } from 'vitest';
import { change, code } from '../change.ts';
import { type Review, renderReport } from '../report.ts';

const stats = { operations: 2, statuses: 5, schemas: 4 };

const review = (overrides: Partial<Review> = {}): Review => ({
  base: {
    label: `${code('origin/main')} (1a2b3c4)`,
    source: 'openapi/ bundled',
    version: '1.0.0',
    stats,
  },
  head: {
    label: 'working tree',
    source: 'openapi/ bundled',
    version: '1.0.0',
    stats: { ...stats, statuses: 4 },
  },
  lint: { ran: true, errors: 0, warnings: 0, problems: [], summary: '0 errors, 0 warnings' },
  changes: [],
  verdict: { passed: true, problems: [] },
  docs: { path: 'build/docs/index.html', built: false, artifact: undefined },
  operationIds: new Map([['GET /items/{id}', 'getItem']]),
  notes: [],
  ...overrides,
});

describe('renderReport', () => {
  it('says there are no changes when there are none', () => {
    const text = renderReport(review());
    expect(text).toContain(
      '**Result: passed**: no changes between the base and the head contract.',
    );
    expect(text).toContain('`redocly lint` on the head contract: clean (0 errors, 0 warnings).');
    // Six sections: CI checks, the four kinds of change, and exceptions.
    expect(text.match(/^None\.$/gm)).toHaveLength(6);
  });

  it('groups changes under their operation, with the operationId and the rule', () => {
    const text = renderReport(
      review({
        changes: [
          change('breaking', 'status-removed', 'GET /items/{id}', `status ${code('404')} removed`),
          change(
            'breaking',
            'server-url-changed',
            null,
            `server URL ${code('a')} changed to ${code('b')}`,
          ),
          change('non-breaking', 'status-added', 'GET /items', `status ${code('401')} added`),
        ],
        verdict: { passed: false, problems: ['A breaking change must bump the major version: …'] },
      }),
    );
    expect(text).toContain(
      '**Result: FAILED**: 2 breaking, 0 warnings, 1 non-breaking, 0 unclassified.',
    );
    expect(text).toContain('- A breaking change must bump the major version: …');
    const breaking = text.slice(
      text.indexOf('## Breaking changes'),
      text.indexOf('## Non-breaking changes'),
    );
    expect(breaking).toContain(
      '### Whole contract\n\n- server URL `a` changed to `b` (`server-url-changed`)',
    );
    expect(breaking).toContain(
      '### `GET /items/{id}` (`getItem`)\n\n- status `404` removed (`status-removed`)',
    );
    expect(breaking.indexOf('Whole contract')).toBeLessThan(breaking.indexOf('GET /items/{id}'));
    expect(text).toMatch(/## Non-breaking changes\n\n### `GET \/items`\n\n- status `401` added/);
  });

  it('has a stats table of both sides', () => {
    expect(renderReport(review())).toContain('| documented statuses | 5 | 4 |');
  });

  it('counts warnings and lists them in a section of their own', () => {
    const text = renderReport(
      review({
        changes: [
          change(
            'warning',
            'request-parameter-removed',
            'GET /items',
            `query parameter ${code('x')} removed`,
          ),
        ],
      }),
    );
    expect(text).toContain('0 breaking, 1 warnings, 0 non-breaking, 0 unclassified');
    expect(text).toMatch(
      /## Warnings \(may break some clients\)\n\n### `GET \/items`\n\n- query parameter `x` removed \(`request-parameter-removed`\)/,
    );
  });

  it('lists lint problems and says where the docs are, locally and in CI', () => {
    const text = renderReport(
      review({
        lint: {
          ran: true,
          errors: 1,
          warnings: 0,
          problems: [`error ${code('x.yaml#/a')} rule: bad`],
          summary: '1 error, 0 warnings',
        },
        docs: {
          path: 'build/docs/index.html',
          built: true,
          artifact: { name: 'api-docs', url: 'https://ci/run/1' },
        },
      }),
    );
    expect(text).toContain(
      '`redocly lint` on the head contract: FAILS (1 error, 0 warnings).\n\n- error `x.yaml#/a` rule: bad',
    );
    expect(text).toContain('into `build/docs/index.html` (built in this checkout)');
    expect(text).toContain("This run's build is the `api-docs` artifact: https://ci/run/1");
  });
});
