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
import { describeTypes, valueTypes, viewSchema } from '../schema.ts';

const success = (status: string): boolean => /^2/.test(status);

const at = (pair: ResponsePair, text: string): Finding =>
  finding(pair.operation.head.key, `status ${code(pair.status)}${text}`);

type Header = { name: string; base: JsonObject | undefined; head: JsonObject | undefined };

function headersOf(pair: ResponsePair): Header[] {
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
    description: 'The type of a response header changed: clients parse it as the old type.',
    oasdiff: { id: 'response-header-type-changed', level: 'ERR' },
    checks: {
      response: {
        reads: ['headers'],
        find: onHeaders(({ base, head }, pair) => {
          if (!base || !head) return undefined;
          const before = valueTypes(viewSchema(pair.operation.baseDocument, base.schema));
          const after = valueTypes(viewSchema(pair.operation.headDocument, head.schema));
          return sameJson(before, after)
            ? undefined
            : `type changed from ${code(describeTypes(before))} to ${code(describeTypes(after))}`;
        }),
      },
    },
  },
];
