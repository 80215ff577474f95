// Where a finding is, before it is located in files: logical steps from the
// root document, the same on the bundled contract and on its source files
// (locate.ts follows them). The comparer extends a path at every node it
// walks, so a path is a chain sharing its start with its parent's, read out
// in full only for a finding.

/** One step of a logical path: a key (or a sequence index), or a parameter by `in` and name. */
export type Step = string | { parameter: string };

/**
 * A node's logical steps from the root, as a chain that shares its start with
 * its parent's: a walk extends it at every node, and only a finding's is
 * ever read out in full (stepsAlong).
 */
export interface Path {
  readonly up: Path | undefined;
  readonly steps: readonly Step[];
}

export const rootPath: Path = { up: undefined, steps: [] };

export const extend = (path: Path, steps: readonly Step[]): Path =>
  steps.length === 0 ? path : { up: path, steps };

/** Every step of `path`, from the root. */
export function stepsAlong(path: Path): Step[] {
  const parts: (readonly Step[])[] = [];
  for (let at: Path | undefined = path; at !== undefined; at = at.up) parts.push(at.steps);
  return parts.reverse().flat();
}

/** Where a node is on each side (a side that lacks it has none). */
export interface At {
  base?: Path;
  head?: Path;
}
