// Inside a parameter's schema (an object parameter's properties, an array's
// items, a map's values): oasdiff's request-parameter-property-… rules. The
// direction is the request's: accepting less breaks, accepting more does not.
// How an object parameter is serialised is not known here (`a[id]=1` or JSON),
// so a type change that breaks only a strongly typed encoding is a warning
// (oasdiff's three-way reading, check_request_parameters_type_changed.go).
import {
  code,
  type Finding,
  finding,
  type ParameterSchemaPair,
  parameterLabel,
  type Rule,
} from '../change.ts';
import { enumMove, listed, typeChange, typeText } from './keywords.ts';

const at = (pair: ParameterSchemaPair, text: string): Finding =>
  finding(
    pair.parameter.operation.head.key,
    `${parameterLabel(pair.parameter)}, property ${code(pair.where)}${text}`,
  );

type Way = 'changed' | 'generalized' | 'specialized' | 'list-narrowed' | 'list-widened';

/** Breaking for a strongly typed encoding, for a text one, both or neither. */
function typeWay(pair: ParameterSchemaPair): Way | undefined {
  const strict = typeChange(pair.base, pair.head);
  if (strict === undefined) return undefined;
  const breaks = (move: string | undefined) => move === 'changed' || move === 'specialized';
  if (strict.list) return breaks(strict.move) ? 'list-narrowed' : 'list-widened';
  const loose = typeChange(pair.base, pair.head, true);
  if (breaks(strict.move) !== breaks(loose?.move)) return 'changed';
  return breaks(strict.move) ? 'specialized' : 'generalized';
}

function typeRules(): Rule[] {
  const cases = [
    [
      'changed',
      'request-parameter-property-type-changed',
      'warning',
      'WARN',
      'The type of a property inside a parameter changed in a way that breaks only a strongly typed encoding (JSON), not a text one (`a[id]=1`).',
    ],
    [
      'generalized',
      'request-parameter-property-type-generalized',
      'info',
      'INFO',
      'A property inside a parameter accepts more types or a wider format.',
    ],
    [
      'specialized',
      'request-parameter-property-type-specialized',
      'error',
      'ERR',
      'A property inside a parameter accepts fewer types, or a narrower or other format: values sent before may be refused.',
    ],
    [
      'list-narrowed',
      'request-parameter-property-list-of-types-narrowed',
      'error',
      'ERR',
      'A property inside a parameter, written as a list of types, takes fewer types.',
    ],
    [
      'list-widened',
      'request-parameter-property-list-of-types-widened',
      'info',
      'INFO',
      'A property inside a parameter, written as a list of types, takes more types.',
    ],
  ] as const;
  return cases.map(([way, id, level, oasdiffLevel, description]) => ({
    id,
    level,
    description,
    oasdiff: { id, level: oasdiffLevel },
    checks: {
      parameterSchema: {
        reads: ['type', 'format'],
        find: (pair) =>
          typeWay(pair) === way ? [at(pair, `: ${typeText(pair.base, pair.head)}`)] : [],
      },
    },
  }));
}

export const parameterPropertyRules: Rule[] = [
  ...typeRules(),
  {
    id: 'request-parameter-property-enum-value-removed',
    level: 'error',
    description: 'A property inside a parameter takes fewer enum values (or became an enum).',
    oasdiff: { id: 'request-parameter-property-enum-value-removed', level: 'ERR' },
    checks: {
      parameterSchema: {
        reads: ['enum', 'const'],
        find: (pair) => {
          const move = enumMove(pair.base.merged, pair.head.merged);
          if (!move || move.dropped) return [];
          if (move.became) return [at(pair, `: limited to ${listed(move.added)}`)];
          return move.removed.length > 0
            ? [at(pair, `: enum value ${listed(move.removed)} removed`)]
            : [];
        },
      },
    },
  },
  {
    id: 'request-parameter-property-enum-value-added',
    level: 'info',
    description: 'A property inside a parameter takes more enum values, or any value.',
    oasdiff: { id: 'request-parameter-property-enum-value-added', level: 'INFO' },
    checks: {
      parameterSchema: {
        reads: ['enum', 'const'],
        find: (pair) => {
          const move = enumMove(pair.base.merged, pair.head.merged);
          if (!move || move.became) return [];
          if (move.dropped) return [at(pair, ': enum removed, any value accepted')];
          return move.added.length > 0 && move.removed.length === 0
            ? [at(pair, `: enum value ${listed(move.added)} added`)]
            : [];
        },
      },
    },
  },
  {
    id: 'request-parameter-property-became-not-nullable',
    level: 'error',
    description: 'A property inside a parameter no longer accepts null.',
    oasdiff: { id: 'request-parameter-property-became-not-nullable', level: 'ERR' },
    checks: {
      parameterSchema: {
        reads: ['nullable'],
        find: (pair) =>
          pair.base.nullable && !pair.head.nullable ? [at(pair, ' no longer accepts null')] : [],
      },
    },
  },
  {
    id: 'request-parameter-property-became-nullable',
    level: 'info',
    description: 'A property inside a parameter now also accepts null.',
    oasdiff: { id: 'request-parameter-property-became-nullable', level: 'INFO' },
    checks: {
      parameterSchema: {
        reads: ['nullable'],
        find: (pair) =>
          !pair.base.nullable && pair.head.nullable ? [at(pair, ' now accepts null')] : [],
      },
    },
  },
];
