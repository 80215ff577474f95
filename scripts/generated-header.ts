// The banner every file in generated/ starts with.
export const generatedBanner = (source: string): string =>
  [
    'GENERATED FILE - DO NOT EDIT.',
    `Written by \`npm run generate\` from ${source}.`,
    'Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.',
  ].join('\n');

export const hashComment = (text: string): string =>
  text
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');

export const blockComment = (text: string): string =>
  ['/**', ...text.split('\n').map((line) => ` * ${line}`), ' */'].join('\n');
