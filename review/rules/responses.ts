// Documented statuses, their media types and their headers.

import { deref, type JsonObject, objectAt, sameJson } from '../../lib/json.ts';
import {
  code,
  type Finding,
  finding,
  missingFrom,
  type ResponsePair,
  type Rule,
} from '../change.ts';
import { mediaTypeName } from '../normalise.ts';
import { describeTypes, valueTypes, viewSchema } from '../schema.ts';

const success = (status: string): boolean => /^2/.test(status);

const at = (pair: ResponsePair, text: string): Finding =>
  finding(pair.operation.head.key, `status ${code(pair.status)}${text}`);

type Header = { name: string; base: JsonObject | undefined; head: JsonObject | undefined };

// Every header rule reads the same pairs: resolved once per response pair.
const headerCache = new WeakMap<ResponsePair, Header[]>();

function headersOf(pair: ResponsePair): Header[] {
  let headers = headerCache.get(pair);
  if (headers === undefined) {
    headers = resolveHeaders(pair);
    headerCache.set(pair, headers);
  }
  return headers;
}

function resolveHeaders(pair: ResponsePair): Header[] {
  if (!pair.base || !pair.head) return [];
  const resolve = (document: JsonObject, response: JsonObject) =>
    new Map(
      Object.entries(objectAt(response.headers)).map(([name, header]) => [
        name.toLowerCase(),
        objectAt(deref(document, header)),
      ]),
    );
  const before = resolve(pair.operation.baseDocument, pair.base);
  const after = resolve(pair.operation.headDocument, pair.head);
  return [...new Set([...before.keys(), ...after.keys()])].map((name) => ({
    name,
    base: before.get(name),
    head: after.get(name),
  }));
}

const onHeaders =
  (find: (header: Header, pair: ResponsePair) => string | undefined) =>
  (pair: ResponsePair): Finding[] =>
    headersOf(pair).flatMap((header) => {
      const text = find(header, pair);
      return text === undefined ? [] : [at(pair, `: header ${code(header.name)} ${text}`)];
    });

const mediaTypes = (response: JsonObject | undefined) => Object.keys(objectAt(response?.content));

export const responseRules: Rule[] = [
  {
    id: 'response-success-status-removed',
    level: 'error',
    description: 'A success status is no longer documented: clients lose the answer they read.',
    oasdiff: { id: 'response-success-status-removed', level: 'ERR' },
    checks: {
      response: {
        reads: [],
        find: (pair) =>
          pair.head === undefined && success(pair.status) ? [at(pair, ' removed')] : [],
      },
    },
  },
  {
    id: 'response-non-success-status-removed',
    level: 'error',
    description:
      'An error status is no longer documented: clients handle it by its documented body, and the mock stops serving it.',
    oasdiff: { id: 'response-non-success-status-removed', level: 'INFO' },
    differs:
      'error here: the gateway still answers these statuses; a contract that stops describing one leaves clients (and the mock) without its body.',
    checks: {
      response: {
        reads: [],
        find: (pair) =>
          pair.head === undefined && !success(pair.status) ? [at(pair, ' removed')] : [],
      },
    },
  },
  {
    id: 'response-success-status-added',
    level: 'info',
    description: 'A success status is now documented.',
    oasdiff: { id: 'response-success-status-added', level: 'INFO' },
    checks: {
      response: {
        reads: [],
        find: (pair) =>
          pair.base === undefined && success(pair.status) ? [at(pair, ' added')] : [],
      },
    },
  },
  {
    id: 'response-non-success-status-added',
    level: 'info',
    description: 'An error status is now documented.',
    oasdiff: { id: 'response-non-success-status-added', level: 'INFO' },
    checks: {
      response: {
        reads: [],
        find: (pair) =>
          pair.base === undefined && !success(pair.status) ? [at(pair, ' added')] : [],
      },
    },
  },
  {
    id: 'response-media-type-removed',
    level: 'error',
    description:
      'A media type of a response was removed: clients that parse it get something else.',
    oasdiff: { id: 'response-media-type-removed', level: 'ERR' },
    checks: {
      response: {
        reads: ['content'],
        find: (pair) =>
          pair.base && pair.head
            ? missingFrom(mediaTypes(pair.base), new Set(mediaTypes(pair.head))).map((type) =>
                at(pair, `: media type ${code(type)} removed`),
              )
            : [],
      },
    },
  },
  {
    id: 'response-media-type-added',
    level: 'info',
    description: 'A response now also comes in another media type.',
    oasdiff: { id: 'response-media-type-added', level: 'INFO' },
    checks: {
      response: {
        reads: ['content'],
        find: (pair) =>
          pair.base && pair.head
            ? missingFrom(mediaTypes(pair.head), new Set(mediaTypes(pair.base))).map((type) =>
                at(pair, `: media type ${code(type)} added`),
              )
            : [],
      },
    },
  },
  {
    id: 'required-response-header-removed',
    level: 'error',
    description: 'A required response header was removed: clients that read it find nothing.',
    oasdiff: { id: 'required-response-header-removed', level: 'ERR' },
    checks: {
      response: {
        reads: ['headers'],
        find: onHeaders(({ base, head }) =>
          head === undefined && base?.required === true ? 'removed (it was required)' : undefined,
        ),
      },
    },
  },
  {
    id: 'optional-response-header-removed',
    level: 'warning',
    description: 'An optional response header was removed: clients that read it may find nothing.',
    oasdiff: { id: 'optional-response-header-removed', level: 'WARN' },
    checks: {
      response: {
        reads: ['headers'],
        find: onHeaders(({ base, head }) =>
          head === undefined && base !== undefined && base.required !== true
            ? 'removed'
            : undefined,
        ),
      },
    },
  },
  {
    id: 'response-header-added',
    level: 'info',
    description: 'A response header is now documented.',
    oasdiff: { id: 'response-header-added', level: 'INFO' },
    checks: {
      response: {
        reads: ['headers'],
        find: onHeaders(({ base, head }) =>
          base === undefined && head !== undefined ? 'added' : undefined,
        ),
      },
    },
  },
  {
    id: 'response-header-became-optional',
    level: 'error',
    description: 'A required response header became optional: clients may no longer find it.',
    oasdiff: { id: 'response-header-became-optional', level: 'ERR' },
    checks: {
      response: {
        reads: ['headers'],
        find: onHeaders(({ base, head }) =>
          base?.required === true && head !== undefined && head.required !== true
            ? 'became optional'
            : undefined,
        ),
      },
    },
  },
  {
    id: 'response-header-type-changed',
    level: 'error',
    description:
      'The type of a response header widened or changed: clients parse it as the old type.',
    oasdiff: { id: 'response-header-type-changed', level: 'ERR' },
    checks: {
      response: {
        reads: ['headers'],
        find: onHeaders((header, pair) => {
          const move = headerTypeMove(header, pair);
          return move?.compatible === false ? move.text : undefined;
        }),
      },
    },
  },
  {
    id: 'response-header-type-compatible',
    level: 'info',
    description:
      'The type of a response header narrowed: a header is text, so `string` to `integer` (or a subset of types) still reads as before.',
    oasdiff: { id: 'response-header-type-compatible', level: 'INFO' },
    checks: {
      response: {
        reads: ['headers'],
        find: onHeaders((header, pair) => {
          const move = headerTypeMove(header, pair);
          return move?.compatible === true ? `${move.text} (compatible)` : undefined;
        }),
      },
    },
  },
  {
    id: 'response-media-type-name-changed',
    level: 'info',
    description:
      'A media type kept its essence and changed its parameters (`application/json` → `application/json; charset=utf-8`): the same body.',
    oasdiff: { id: 'response-media-type-name-changed', level: 'INFO' },
    checks: {
      response: {
        reads: ['content'],
        find: (pair) => {
          if (!pair.base || !pair.head) return [];
          const before = objectAt(pair.base.content);
          const after = objectAt(pair.head.content);
          return Object.keys(before).flatMap((essence) => {
            if (after[essence] === undefined) return [];
            const from = mediaTypeName(before[essence], essence);
            const to = mediaTypeName(after[essence], essence);
            return from === to ? [] : [at(pair, `: media type ${code(from)} → ${code(to)}`)];
          });
        },
      },
    },
  },
];

/** How a header's type moved; `compatible` when every new value reads as an old one. */
function headerTypeMove(
  { base, head }: Header,
  pair: ResponsePair,
): { compatible: boolean; text: string } | undefined {
  if (!base || !head) return undefined;
  const before = valueTypes(viewSchema(pair.operation.baseDocument, base.schema));
  const after = valueTypes(viewSchema(pair.operation.headDocument, head.schema));
  if (sameJson(before, after)) return undefined;
  const text = `type changed from ${code(describeTypes(before))} to ${code(describeTypes(after))}`;
  // Headers travel as text: a string header admits every value of any type.
  const compatible =
    after !== undefined &&
    (before === undefined ||
      (before.length === 1 && before[0] === 'string') ||
      after.every(
        (type) => before.includes(type) || (type === 'integer' && before.includes('number')),
      ));
  return { compatible, text };
}
