// The response node a rule speaks of, for every response rule: how a
// message names it (`status 200: response property \`items[].id\``), and what
// its two sides hold.
import { code, type Finding, finding, missingFrom, type SchemaPair } from '../change.ts';

export const join = (where: string, name: string): string =>
  where === '' ? name : `${where}.${name}`;

export const subject = (pair: SchemaPair, where = pair.where): string =>
  where === ''
    ? `status ${code(pair.response)}: the response body`
    : `status ${code(pair.response)}: response property ${code(where)}`;

export const at = (pair: SchemaPair, text: string, where = pair.where): Finding =>
  finding(pair.operation, `${subject(pair, where)}${text}`);

/** Properties one side has and the other not, with whether they were required. */
export function propertiesOnlyIn(pair: SchemaPair, side: 'base' | 'head') {
  const [these, those] = side === 'base' ? [pair.base, pair.head] : [pair.head, pair.base];
  return missingFrom(these.properties.keys(), those.properties).map((name) => ({
    name,
    required: these.required.has(name),
  }));
}

export const keyword = (pair: SchemaPair, name: string): [before: unknown, after: unknown] => [
  pair.base.merged[name],
  pair.head.merged[name],
];
