// Command lines of this repository's scripts and commands, in one place:
// `--help`/`-h` prints the usage and exits 0; an unknown or malformed option
// names itself and points to `--help`; a failure prints its message alone
// (its stack with `--verbose`) and exits 1.
import { parseArgs } from 'node:util';

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** A command-line mistake of the user's: printed as its message alone. */
export class UsageError extends Error {}

/** The parsed flags (and positionals, when allowed); exits 0 after printing `usage` on `--help`. */
export function parseCommandLine<const O extends Options, P extends boolean = false>(
  usage: string,
  options: O,
  allowPositionals?: P,
  argv = process.argv.slice(2),
) {
  const flags = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  if (flags.includes('--help') || flags.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({
      args: argv,
      options,
      allowPositionals: allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    // Node's text for an unknown option goes on about positionals: its first sentence says it.
    const said = (error as Error).message
      .split('\n')[0]
      ?.replace(/\. To specify .*$/, '')
      .replace(/\.?$/, '.');
    throw new UsageError(`${said} See --help.`);
  }
}

/**
 * For an npm script entry: its flags (plus `--verbose`), and a failure anywhere
 * after, a throw or a rejected top-level await, printed as its message.
 */
export function scriptArgs<const O extends Options>(usage: string, options?: O) {
  const verbose = process.argv.includes('--verbose');
  const fail = (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    if (verbose && error instanceof Error) console.error(error.stack);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const all = { ...options, verbose: { type: 'boolean' } } as O & { verbose: { type: 'boolean' } };
  try {
    return parseCommandLine(usage, all);
  } catch (error) {
    return fail(error);
  }
}
