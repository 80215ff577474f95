// Generated single-keyword edits of this contract (review/edits.ts): almost
// all must land on a named rule, equivalent spellings must land on no change,
// and what reaches the unclassified net must be one of the keywords the
// catalogue leaves there on purpose (docs/review.md says why).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../lib/json.ts';
import { fromRoot } from '../../lib/paths.ts';
import { reviewEdits } from '../edits.ts';
import { plainOf } from '../inert.ts';

const contract = JSON.parse(readFileSync(fromRoot('generated/openapi.json'), 'utf8')) as JsonObject;
const results = reviewEdits(contract, 400, 20261201);

describe('generated single-keyword edits of the contract', () => {
  it('reach the unclassified net less than 2 % of the time', () => {
    const unclassified = results.filter((r) => r.outcome === 'unclassified');
    expect(unclassified.length / results.length).toBeLessThan(0.02);
  });

  it('reach it only on keywords left there on purpose', () => {
    // readOnly / writeOnly / alternatives in a parameter's schema: see docs/review.md.
    for (const r of results.filter((found) => found.outcome === 'unclassified')) {
      for (const message of r.unclassified) {
        expect(plainOf(message)).toMatch(
          /parameter .* schema: `(readOnly|writeOnly|anyOf|oneOf)` changed/,
        );
      }
    }
  });

  it('find nothing in equivalent rewrites (allOf of one member, serialisation defaults)', () => {
    const equivalent = results.filter((r) => r.edit.endsWith('(equivalent)'));
    expect(equivalent.length).toBeGreaterThan(10);
    for (const r of equivalent)
      expect({ edit: r.edit, rules: r.rules }).toEqual({ edit: r.edit, rules: [] });
  });

  it('find something in every edit that changes what a client sends or reads', () => {
    // An allOf member's keywords meet the other members' (types intersect), so they are left out.
    const meaningful = results.filter(
      (r) =>
        !r.edit.includes('/allOf/') &&
        /: (type |enum value|property (added|removed)|(max|min)(imum|Length|Items) |pattern |format |a property became required|a required property became optional)/.test(
          r.edit,
        ),
    );
    expect(meaningful.length).toBeGreaterThan(20);
    for (const r of meaningful) expect(r.outcome, r.edit).not.toBe('no change');
  });
});
