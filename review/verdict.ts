// Whether the review passes: breaking changes fail it unless allowed, and an
// allowed breaking change still needs a new major `info.version`, so a
// client pinned to ^1 never receives it.
import { type Change, code } from './change.ts';
import { checkIds } from './check-ids.ts';

export interface Verdict {
  passed: boolean;
  /** Why it failed, one sentence each; empty when it passed. */
  problems: string[];
}

export interface VerdictInput {
  changes: readonly Change[];
  baseVersion: string | undefined;
  headVersion: string | undefined;
  allowBreaking: boolean;
  allowUnclassified: boolean;
}

export const majorOf = (version: string | undefined): number | undefined => {
  const match = /^v?(\d+)\.\d+\.\d+/.exec(version ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/** The version a breaking change needs: the next major, `x.0.0`. */
export const nextMajor = (version: string | undefined): string =>
  `${(majorOf(version) ?? 0) + 1}.0.0`;

/** A contract's version, quoted as the contract value it is. */
export const shownVersion = (version: string | undefined): string =>
  version === undefined ? 'none' : code(version);

/**
 * A change an exception allowed fails nothing by itself, but still counts
 * for the version: an accepted breaking change ships in a new major, as one
 * --allow-breaking allowed does. `problems` are the review's own checks'.
 */
export function judge(input: VerdictInput, problems: readonly string[] = []): Verdict {
  const open = { ...input, changes: input.changes.filter((found) => !found.accepted) };
  const all = [
    ...checkProblems(open),
    ...unclassifiedProblems(open),
    ...breakingProblems(input, open.changes),
    ...versionProblems(input),
    ...problems,
  ];
  return { passed: all.length === 0, problems: all };
}

/** What CI would refuse fails here first; each finding says how to fix it. */
function checkProblems({ changes }: VerdictInput): string[] {
  const count = changes.filter((found) => found.kind === 'check').length;
  if (count === 0) return [];
  return [
    `${count} finding${count === 1 ? '' : 's'} that CI would refuse (see "What CI would refuse"): each says the command that fixes it.`,
  ];
}

/** Changes the exceptions file makes are the review's business, not the contract's version's. */
const ownEdits: ReadonlySet<string> = new Set([
  checkIds.exceptionAdded,
  checkIds.exceptionChanged,
  checkIds.exceptionRemoved,
]);

/**
 * The one version policy (README, docs/review.md): any change clients see,
 * the Chinese texts included, ships in a new info.version: a major for a
 * breaking one (breakingProblems), a minor or a patch otherwise.
 */
function versionProblems({ changes, baseVersion, headVersion }: VerdictInput): string[] {
  const seen = changes.filter((found) => found.kind !== 'check' && !ownEdits.has(found.rule));
  if (seen.length === 0 || seen.some((found) => found.kind === 'breaking')) return [];
  if (headVersion !== undefined && headVersion !== baseVersion) return [];
  return [
    `${code('info.version')} is still ${shownVersion(headVersion)}: every change clients see ships in a new version. Bump the minor (additions) or the patch (documentation, translations) in openapi/openapi.yaml, and record it with ${code('npm run review -- --base <ref> --changelog')}.`,
  ];
}

/** A difference no rule classifies fails until a person has read it and says so. */
function unclassifiedProblems({ changes, allowUnclassified }: VerdictInput): string[] {
  const count = changes.filter((found) => found.kind === 'unclassified').length;
  if (count === 0 || allowUnclassified) return [];
  return [
    `${count} unclassified change${count === 1 ? '' : 's'}: no rule says whether ${count === 1 ? 'it breaks' : 'they break'} clients. Read the diff, then pass ${code('--allow-unclassified')} (or add a rule to review/rules/).`,
  ];
}

function breakingProblems(
  { changes, baseVersion, headVersion, allowBreaking }: VerdictInput,
  open: readonly Change[],
): string[] {
  const breaking = changes.filter((found) => found.kind === 'breaking').length;
  if (breaking === 0) return [];
  const problems: string[] = [];
  const count = `${breaking} breaking change${breaking === 1 ? '' : 's'}`;
  const unallowed = open.filter((found) => found.kind === 'breaking').length;
  if (!allowBreaking && unallowed > 0) {
    problems.push(
      `${unallowed} breaking change${unallowed === 1 ? '' : 's'}: undo ${unallowed === 1 ? 'it' : 'them'}, or, when intended, bump the major version and allow each in openapi/review-exceptions.yaml (docs/review.md; locally: ${code('--allow-breaking')}).`,
    );
  }
  const before = majorOf(baseVersion);
  const after = majorOf(headVersion);
  if (before === undefined || after === undefined) {
    problems.push(
      `${count} but ${code('info.version')} is not semver (base ${shownVersion(baseVersion)}, head ${shownVersion(headVersion)}): use MAJOR.MINOR.PATCH.`,
    );
  } else if (after <= before) {
    problems.push(
      `A breaking change must bump the major version: set ${code('info.version')} in openapi/openapi.yaml from ${shownVersion(headVersion)} to ${code(nextMajor(baseVersion))}.`,
    );
  }
  return problems;
}
