// What every npm script entry of this repository shares: `--help`/`-h`
// prints its usage and exits 0; an unknown option names itself and points to
// `--help`; a failure prints its message alone (its stack with `--verbose`)
// and exits 1, whether the script throws or a top-level await rejects.
import { parseArgs } from 'node:util';

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export function scriptArgs<const O extends NonNullable<Options>>(usage: string, options?: O) {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  const verbose = argv.includes('--verbose');
  const fail = (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    if (verbose && error instanceof Error) console.error(error.stack);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  try {
    const all = { ...options, verbose: { type: 'boolean' } } as O & {
      verbose: { type: 'boolean' };
    };
    return parseArgs({ args: argv, options: all, allowPositionals: false, strict: true });
  } catch (error) {
    const said = (error as Error).message
      .split('\n')[0]
      ?.replace(/\. To specify .*$/, '')
      .replace(/\.?$/, '.');
    console.error(`${said} See --help.`);
    process.exit(1);
  }
}
