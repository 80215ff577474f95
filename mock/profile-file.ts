// `--profile <file>`: the network profile of network-profile.ts from a JSON
// or YAML file, checked before the mock starts; `--latency`, `--faults` and
// `--token-ttl` are laid over it. A problem stops the mock naming the file,
// the JSON pointer (or line and column for broken YAML) and what is wrong.
import { readFile, stat } from 'node:fs/promises';
import yaml from 'js-yaml';
import { checkProfile, type NetworkProfile, ProfileError } from '../src/mock/network-profile.ts';

/** A profile is a few lines; anything bigger is a mistake (a dataset given as a profile). */
export const maxProfileBytes = 256 * 1024;

export async function loadProfileFile(file: string): Promise<unknown> {
  try {
    const { size } = await stat(file);
    if (size > maxProfileBytes) {
      throw new ProfileError(`${file}: is ${size} bytes; a profile is at most ${maxProfileBytes}`);
    }
  } catch (error) {
    if (error instanceof ProfileError) throw error;
    throw new ProfileError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  const text = await readFile(file, 'utf8');
  try {
    // JSON is YAML too: one parser for both.
    return yaml.load(text, { filename: file, schema: yaml.JSON_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const where = mark === undefined ? '' : `${mark.line + 1}:${mark.column + 1}:`;
    const reason = (error as { reason?: string }).reason ?? String(error);
    throw new ProfileError(`${file}:${where} not valid JSON or YAML (${reason})`);
  }
}

export interface ProfileFlags {
  profile?: string | undefined;
  latency?: string | undefined;
  faults?: string | undefined;
  'token-ttl'?: string | undefined;
}

const flagOf: Record<string, string> = {
  '/latency': '--latency',
  '/faults': '--faults',
  '/tokenTtl': '--token-ttl',
};

/** The profile file (if any) with the flags laid over it, checked as one; every problem at once. */
export async function profileFromFlags(flags: ProfileFlags): Promise<NetworkProfile> {
  const problems: string[] = [];
  const checked = (value: unknown, source: string): NetworkProfile => {
    try {
      return checkProfile(value, source);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      problems.push(error.message);
      return {};
    }
  };
  const fromFile =
    flags.profile === undefined ? {} : checked(await loadProfileFile(flags.profile), flags.profile);
  const overlay: Record<string, unknown> = {};
  if (flags.latency !== undefined) overlay.latency = flags.latency;
  if (flags.faults !== undefined) overlay.faults = flags.faults;
  if (flags['token-ttl'] !== undefined) {
    const raw = flags['token-ttl'];
    overlay.tokenTtl = raw.trim() === '' || Number.isNaN(Number(raw)) ? raw : Number(raw);
  }
  const fromFlags = checked(overlay, '\0');
  if (problems.length > 0) {
    // A flag's problem names the flag: `--faults 404: …`, not a pointer.
    const text = problems
      .join('\n')
      .replace(
        /\0: (\/\w+)(?:\/(\S+))?: /g,
        (_all, field: string, key?: string) =>
          `${flagOf[field] ?? field}${key === undefined ? '' : ` ${key}`}: `,
      );
    throw new ProfileError(text);
  }
  return { ...fromFile, ...fromFlags };
}
