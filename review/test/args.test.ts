// Arguments of `npm run review`: what is accepted, and a clear message (exit
// code 2 in the CLI) for what is not.
import { describe, expect, it } from 'vitest';
import { parseReviewArgs } from '../args.ts';
import { CannotReview } from '../errors.ts';

describe('parseReviewArgs', () => {
  it('reads --base and the flags', () => {
    expect(
      parseReviewArgs([
        '--base',
        'origin/main',
        '--allow-breaking',
        '--changelog',
        '--output',
        'r.md',
      ]),
    ).toEqual({
      base: 'origin/main',
      allowBreaking: true,
      allowUnclassified: false,
      changelog: true,
      outputs: [
        { format: 'markdown', file: undefined },
        { format: 'markdown', file: 'r.md' },
      ],
      timeoutSeconds: 120,
      maxWork: 5_000_000,
      deprecationDays: { beta: 0, stable: 0 },
      help: false,
    });
    expect(parseReviewArgs(['--base=HEAD~1']).base).toBe('HEAD~1');
    expect(
      parseReviewArgs([
        '--base=HEAD',
        '--max-work',
        '5000',
        '--deprecation-days-beta',
        '31',
        '--deprecation-days-stable=180',
      ]),
    ).toMatchObject({ maxWork: 5000, deprecationDays: { beta: 31, stable: 180 } });
    expect(parseReviewArgs(['--base=HEAD', '--timeout', '2.5']).timeoutSeconds).toBe(2.5);
  });

  it.each([
    ['no --base', [], /--base <git-ref> is required/],
    ['--base without a value', ['--base'], /--base/],
    ['an empty --base', ['--base='], /--base <git-ref> is required/],
    ['a ref that looks like an option', ['--base=--output'], /needs a git ref/],
    ['an unknown option', ['--base', 'HEAD', '--force'], /Unknown option '--force'/],
    [
      'a --max-work of 0',
      ['--base', 'HEAD', '--max-work', '0'],
      /--max-work needs a whole number of at least 1/,
    ],
    [
      'negative deprecation days',
      ['--base', 'HEAD', '--deprecation-days-stable=-1'],
      /--deprecation-days-stable needs a whole number of at least 0/,
    ],
    [
      'a --timeout that is not a number',
      ['--base', 'HEAD', '--timeout', 'soon'],
      /--timeout needs/,
    ],
    ['a --timeout of 0', ['--base', 'HEAD', '--timeout', '0'], /--timeout needs/],
    ['a stray positional argument', ['--base', 'HEAD', 'main'], /positional/],
  ])('refuses %s with a message and the usage', (_name, argv, message) => {
    expect(() => parseReviewArgs(argv)).toThrow(CannotReview);
    expect(() => parseReviewArgs(argv)).toThrow(message);
    expect(() => parseReviewArgs(argv)).toThrow(/Usage: npm run review/);
  });

  it('answers --help without needing --base', () => {
    expect(parseReviewArgs(['--help']).help).toBe(true);
  });
});
