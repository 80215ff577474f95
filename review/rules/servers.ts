// Rules on the servers a client calls, and on the contract's info.
import { type Change, change, code, type DocumentRule, missingFrom } from '../change.ts';
import { changedDocumentation, isObject, type JsonObject, objectAt, sameJson } from '../json.ts';

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

/**
 * Breaking: a server URL (or the URL its defaults give) that clients call is
 * gone. Each missing one is reported with what replaced it, if anything.
 */
export const serverUrlChanged: DocumentRule = (base, head) => {
  const after = serversOf(head);
  const changes: Change[] = [];
  for (const server of serversOf(base)) {
    const same = after.find((candidate) => candidate.template === server.template);
    if (same !== undefined && same.byDefault === server.byDefault) continue;
    const now = same?.byDefault ?? after.map((candidate) => candidate.template).join(', ');
    const before = same === undefined ? server.template : server.byDefault;
    changes.push(
      change(
        'breaking',
        'server-url-changed',
        null,
        `server URL ${code(before)} changed to ${now === '' ? 'no server' : code(now)}`,
      ),
    );
  }
  return changes;
};

/** Non-breaking: one more server clients may call. */
export const serverAdded: DocumentRule = (base, head) => {
  const before = new Set(serversOf(base).map((server) => server.template));
  const after = new Set(serversOf(head).map((server) => server.template));
  // When a URL is swapped for another, serverUrlChanged already says so.
  if (missingFrom(before, after).length > 0) return [];
  return missingFrom(after, before).map((template) =>
    change('non-breaking', 'server-added', null, `server ${code(template)} added`),
  );
};

/** Non-breaking: title, summary, description, contact or license of the contract. */
export const infoChanged: DocumentRule = (base, head) => {
  const before = objectAt(base.info);
  const after = objectAt(head.info);
  const keys = [
    ...changedDocumentation(before, after),
    ...['contact', 'license', 'termsOfService'].filter((key) => !sameJson(before[key], after[key])),
  ];
  return keys.length === 0
    ? []
    : [change('non-breaking', 'documentation-changed', null, `info ${keys.join(', ')} changed`)];
};
