// Security schemes: how a client authenticates.

import {
  deref,
  type JsonObject,
  objectAt,
  sameJson,
  withoutDocumentation,
} from '../../lib/json.ts';
import { code, finding, missingFrom, type Rule } from '../change.ts';

const schemesOf = (document: JsonObject): Map<string, JsonObject> =>
  new Map(
    Object.entries(objectAt(objectAt(document.components).securitySchemes)).map(
      ([name, scheme]) => [name, objectAt(deref(document, scheme))],
    ),
  );

export const securityRules: Rule[] = [
  {
    id: 'api-security-component-removed',
    level: 'error',
    description: 'A security scheme was removed: clients that authenticate this way can no longer.',
    oasdiff: { id: 'api-security-component-removed', level: 'INFO' },
    differs: 'error here: the client signs or sends credentials as the scheme says.',
    checks: {
      document: {
        reads: ['components.securitySchemes'],
        find: ({ base, head }) =>
          missingFrom(schemesOf(base).keys(), schemesOf(head)).map((name) =>
            finding(null, `security scheme ${code(name)} removed`),
          ),
      },
    },
  },
  {
    id: 'api-security-component-added',
    level: 'info',
    description: 'A security scheme was added.',
    oasdiff: { id: 'api-security-component-added', level: 'INFO' },
    checks: {
      document: {
        reads: ['components.securitySchemes'],
        find: ({ base, head }) =>
          missingFrom(schemesOf(head).keys(), schemesOf(base)).map((name) =>
            finding(null, `security scheme ${code(name)} added`),
          ),
      },
    },
  },
  {
    id: 'api-security-component-changed',
    level: 'error',
    description:
      'A security scheme changed (type, header name, scheme, flows): credentials sent the old way are refused.',
    oasdiff: { id: 'api-security-component-type-changed', level: 'INFO' },
    differs:
      'error here, and for any change but documentation: a token in another header, or another signing scheme, is refused by the gateway.',
    checks: {
      document: {
        reads: ['components.securitySchemes'],
        find: ({ base, head }) => {
          const after = schemesOf(head);
          return [...schemesOf(base)].flatMap(([name, before]) => {
            const now = after.get(name);
            if (!now || sameJson(withoutDocumentation(before), withoutDocumentation(now)))
              return [];
            const keys = Object.keys({ ...before, ...now }).filter(
              (key) => !sameJson(withoutDocumentation(before[key]), withoutDocumentation(now[key])),
            );
            return [finding(null, `security scheme ${code(name)} changed (${keys.join(', ')})`)];
          });
        },
      },
    },
  },
];
