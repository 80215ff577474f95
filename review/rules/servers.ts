// The servers a client calls by default.

import { isObject, type JsonObject, objectAt } from '../../lib/json.ts';
import { code, finding, missingFrom, type Rule } from '../change.ts';

interface Server {
  template: string;
  /** The URL with every variable at its default: where a client goes unless told otherwise. */
  byDefault: string;
}

function serversOf(document: JsonObject): Server[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  return servers.filter(isObject).map((server) => {
    const template = String(server.url);
    const variables = objectAt(server.variables);
    const byDefault = template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const value = objectAt(variables[name]).default;
      return typeof value === 'string' ? value : whole;
    });
    return { template, byDefault };
  });
}

export const serverRules: Rule[] = [
  {
    id: 'server-url-changed',
    level: 'error',
    description:
      'A server URL, or the URL its variable defaults give, changed or went away: clients built from the contract call the old one.',
    oasdiff: null,
    differs:
      'oasdiff treats servers as deployment metadata; generated clients take their base URL from them.',
    checks: {
      document: {
        reads: ['servers'],
        find: ({ base, head }) => {
          const after = serversOf(head);
          return serversOf(base).flatMap((server) => {
            const same = after.find((candidate) => candidate.template === server.template);
            if (same !== undefined && same.byDefault === server.byDefault) return [];
            const now = same?.byDefault ?? after.map((candidate) => candidate.template).join(', ');
            const before = same === undefined ? server.template : server.byDefault;
            return [
              finding(
                null,
                `server URL ${code(before)} changed to ${now === '' ? 'no server' : code(now)}`,
              ),
            ];
          });
        },
      },
    },
  },
  {
    id: 'server-added',
    level: 'info',
    description: 'One more server clients may call.',
    oasdiff: null,
    checks: {
      document: {
        reads: ['servers'],
        find: ({ base, head }) => {
          const before = new Set(serversOf(base).map((server) => server.template));
          const after = new Set(serversOf(head).map((server) => server.template));
          // When a URL is swapped for another, server-url-changed already says so.
          if (missingFrom(before, after).length > 0) return [];
          return missingFrom(after, before).map((template) =>
            finding(null, `server ${code(template)} added`),
          );
        },
      },
    },
  },
];
