// git in a temporary repository, with a fixed identity and no signing, so
// tests behave the same on any machine.
import { execFileSync } from 'node:child_process';

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'review test',
  GIT_AUTHOR_EMAIL: 'review@example.test',
  GIT_COMMITTER_NAME: 'review test',
  GIT_COMMITTER_EMAIL: 'review@example.test',
};

/** Runs git in `cwd` and returns its trimmed output. */
export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: gitEnv,
    encoding: 'utf8',
  }).trim();

/** Commits everything in `cwd` and returns the new commit's hash. */
export function commitAll(cwd: string, message: string): string {
  git(cwd, 'add', '.');
  git(cwd, 'commit', '-q', '--allow-empty', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD');
}
