// Request parameters, matched by location and name (`query page_size`). A
// change is breaking when a request that was valid before is refused now, or
// means something else.
import { sameJson } from '../../lib/json.ts';
import { code, type Rule } from '../change.ts';
import { enumMove, listed, shown } from './keywords.ts';
import { additionalPropertiesRules, boundRules, defaultRules } from './parameter-constraints.ts';
import { added, at, movedTo, onBoth } from './parameter-pair.ts';
import { parameterTypeRules } from './parameter-types.ts';
import { parameterRemovalRules } from './removals.ts';

export const parameterRules: Rule[] = [
  {
    id: 'new-required-request-parameter',
    level: 'error',
    description: 'A required query or header parameter was added: requests without it are refused.',
    oasdiff: { id: 'new-required-request-parameter', level: 'ERR' },
    checks: {
      parameter: {
        reads: [],
        find: (pair) =>
          added(pair) && pair.head?.required === true && pair.head.in !== 'path'
            ? [at(pair, ' added, required')]
            : [],
      },
    },
  },
  {
    id: 'new-request-path-parameter',
    level: 'error',
    description: 'A path parameter was added: the URL itself changed.',
    oasdiff: { id: 'new-request-path-parameter', level: 'ERR' },
    checks: {
      parameter: {
        reads: [],
        find: (pair) => (added(pair) && pair.head?.in === 'path' ? [at(pair, ' added')] : []),
      },
    },
  },
  {
    id: 'new-optional-request-parameter',
    level: 'info',
    description: 'An optional parameter was added: requests without it stay valid.',
    oasdiff: { id: 'new-optional-request-parameter', level: 'INFO' },
    checks: {
      parameter: {
        reads: [],
        find: (pair) =>
          added(pair) && pair.head?.required !== true && pair.head?.in !== 'path'
            ? [at(pair, ' added, optional')]
            : [],
      },
    },
  },
  ...parameterRemovalRules(),
  {
    id: 'request-parameter-location-changed',
    level: 'error',
    description:
      'A parameter moved to another location (query to header, …): clients send it where it is no longer read.',
    oasdiff: null,
    differs:
      'oasdiff reports a move as request-parameter-removed (WARN) plus new-…-request-parameter; one line says what happened, at the level the move deserves.',
    checks: {
      parameter: {
        reads: [],
        find: (pair) => {
          const other = pair.head === undefined ? movedTo(pair) : undefined;
          return other === undefined
            ? []
            : [at(pair, ` moved to ${other.split(' ')[0]} (${code(other)})`)];
        },
      },
    },
  },
  {
    id: 'request-parameter-became-required',
    level: 'error',
    description: 'An optional parameter became required: requests without it are refused.',
    oasdiff: { id: 'request-parameter-became-required', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['required'],
        find: onBoth((pair) =>
          pair.base.required !== true && pair.head.required === true
            ? at(pair, ' became required')
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-became-optional',
    level: 'info',
    description: 'A required parameter became optional: every request that was valid stays valid.',
    oasdiff: { id: 'request-parameter-became-optional', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['required'],
        find: onBoth((pair) =>
          pair.base.required === true && pair.head.required !== true
            ? at(pair, ' became optional')
            : undefined,
        ),
      },
    },
  },
  ...parameterTypeRules(),
  {
    id: 'request-parameter-became-not-nullable',
    level: 'error',
    description: 'A parameter no longer accepts null.',
    oasdiff: { id: 'request-parameter-became-not-nullable', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.nullable'],
        find: onBoth((pair) =>
          pair.baseSchema.nullable && !pair.headSchema.nullable
            ? at(pair, ' no longer accepts null')
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-became-nullable',
    level: 'info',
    description: 'A parameter now also accepts null.',
    oasdiff: { id: 'request-parameter-became-nullable', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['schema.nullable'],
        find: onBoth((pair) =>
          !pair.baseSchema.nullable && pair.headSchema.nullable
            ? at(pair, ' now accepts null')
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-became-enum',
    level: 'error',
    description: 'A parameter that took any value is now limited to an enum (or a const).',
    oasdiff: { id: 'request-parameter-became-enum', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.enum', 'schema.const'],
        find: onBoth((pair) => {
          const move = enumMove(pair.baseSchema.merged, pair.headSchema.merged);
          return move?.became ? at(pair, ` limited to ${listed(move.added)}`) : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-enum-value-removed',
    level: 'error',
    description: 'A value was removed from the enum of a parameter: requests with it are refused.',
    oasdiff: { id: 'request-parameter-enum-value-removed', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.enum', 'schema.const'],
        find: onBoth((pair) => {
          const move = enumMove(pair.baseSchema.merged, pair.headSchema.merged);
          return move && !move.became && !move.dropped && move.removed.length > 0
            ? at(pair, `: enum value ${listed(move.removed)} removed`)
            : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-enum-value-added',
    level: 'info',
    description: 'A parameter accepts more enum values, or any value: old requests stay valid.',
    oasdiff: { id: 'request-parameter-enum-value-added', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['schema.enum', 'schema.const'],
        find: onBoth((pair) => {
          const move = enumMove(pair.baseSchema.merged, pair.headSchema.merged);
          if (!move || move.became) return undefined;
          if (move.dropped) return at(pair, ': enum removed, any value accepted');
          return move.added.length > 0
            ? at(pair, `: enum value ${listed(move.added)} added`)
            : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-pattern-added',
    level: 'error',
    description: 'A pattern was added to a parameter: values that do not match it are refused.',
    oasdiff: { id: 'request-parameter-pattern-added', level: 'ERR' },
    checks: {
      parameter: {
        reads: ['schema.pattern'],
        find: onBoth((pair) =>
          pair.baseSchema.merged.pattern === undefined &&
          pair.headSchema.merged.pattern !== undefined
            ? at(pair, `: pattern ${shown(pair.headSchema.merged.pattern)} added`)
            : undefined,
        ),
      },
    },
  },
  {
    id: 'request-parameter-pattern-changed',
    level: 'error',
    description:
      'The pattern of a parameter changed: values valid before may not match the new one.',
    oasdiff: { id: 'request-parameter-pattern-changed', level: 'WARN' },
    differs:
      'error here: nobody can prove that two regular expressions accept the same values, so the reviewer must allow it explicitly (--allow-breaking).',
    checks: {
      parameter: {
        reads: ['schema.pattern'],
        find: onBoth((pair) => {
          const before = pair.baseSchema.merged.pattern;
          const after = pair.headSchema.merged.pattern;
          return before !== undefined && after !== undefined && !sameJson(before, after)
            ? at(pair, `: pattern ${shown(before)} → ${shown(after)}`)
            : undefined;
        }),
      },
    },
  },
  {
    id: 'request-parameter-pattern-removed',
    level: 'info',
    description: 'The pattern of a parameter was removed: every value is accepted.',
    oasdiff: { id: 'request-parameter-pattern-removed', level: 'INFO' },
    checks: {
      parameter: {
        reads: ['schema.pattern'],
        find: onBoth((pair) =>
          pair.baseSchema.merged.pattern !== undefined &&
          pair.headSchema.merged.pattern === undefined
            ? at(pair, `: pattern ${shown(pair.baseSchema.merged.pattern)} removed`)
            : undefined,
        ),
      },
    },
  },
  ...defaultRules(),
  ...boundRules(),
  ...additionalPropertiesRules(),
];
