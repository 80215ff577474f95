// `apig-purchases <command>`: the package's command (package.json "bin"), the
// same code as `npm run mock` and `npm run mock:proxy`, bundled into
// dist/cli.js by `npm run build:package`. Prism is an optional peer: the
// commands say what to install when it is missing.
const commands: Record<string, () => Promise<unknown>> = {
  mock: () => import('./cli.ts'),
  proxy: () => import('./proxy-cli.ts'),
};

const usage = `Usage: apig-purchases <command> [options]

Commands:
  mock     the contract mock, answering from a dataset (apig-purchases mock --help)
  proxy    a validating proxy in front of a real upstream (apig-purchases proxy --help)

Example:
  npx apig-purchases mock --port 4010`;

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h') {
  console.log(usage);
  process.exit(command === undefined ? 1 : 0);
}
const run = commands[command];
if (run === undefined) {
  console.error(`Unknown command "${command}": use mock or proxy. See --help.`);
  process.exit(1);
}
// The command reads its own options from process.argv, as under npm run.
process.argv.splice(2, process.argv.length, ...rest);
await run();
