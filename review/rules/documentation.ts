// Documentation: descriptions, summaries, titles and examples anywhere in the
// contract. They change what people read, never what a client sends or parses.

import {
  changedDocumentation,
  documentationKeys,
  inline,
  type JsonObject,
  objectAt,
  sameJson,
  sameResolved,
} from '../../lib/json.ts';
import { code, finding, parameterLabel, type Rule } from '../change.ts';
import { subject } from './response-node.ts';

const schemaDocs = ['description', 'title', 'example', 'examples', '$comment', 'externalDocs'];

/** Keys of `info` that describe the contract; `version` is the verdict's business. */
const infoKeys = ['title', 'summary', 'description', 'contact', 'license', 'termsOfService'];

const changed = (keys: readonly string[], a: JsonObject, b: JsonObject): string[] =>
  keys.filter((key) => !sameJson(a[key], b[key]));

const tagTexts = (document: JsonObject) => inline(document, document.tags ?? null);

export const documentationRules: Rule[] = [
  {
    id: 'documentation-changed',
    level: 'info',
    description:
      'A description, summary, title or example changed: people read it, clients do not.',
    oasdiff: null,
    differs:
      'oasdiff does not report documentation; the report lists it so a reviewer sees every change.',
    checks: {
      document: {
        reads: ['info', 'tags'],
        find: ({ base, head }) => [
          ...(changed(infoKeys, objectAt(base.info), objectAt(head.info)).length > 0
            ? [
                finding(
                  null,
                  `info ${changed(infoKeys, objectAt(base.info), objectAt(head.info)).join(', ')} changed`,
                ),
              ]
            : []),
          ...(sameJson(tagTexts(base), tagTexts(head))
            ? []
            : [finding(null, 'tags of the contract changed')]),
        ],
      },
      operation: {
        reads: ['summary', 'description', 'externalDocs'],
        find: ({ base, head }) => {
          const keys = changed(['summary', 'description', 'externalDocs'], base.raw, head.raw);
          return keys.length === 0
            ? []
            : [finding(head.key, `${keys.join(', ')} of the operation changed`)];
        },
      },
      parameter: {
        reads: ['description', 'example', 'examples', ...schemaDocs.map((key) => `schema.${key}`)],
        find: ({ operation, key, base, head, baseSchema, headSchema }) => {
          if (!base || !head || !baseSchema || !headSchema) return [];
          const keys = [
            ...changed(documentationKeys, base, head),
            ...changed(schemaDocs, baseSchema.merged, headSchema.merged).map((k) => `schema ${k}`),
          ];
          const [location, ...name] = key.split(' ');
          return keys.length === 0
            ? []
            : [
                finding(
                  operation.head.key,
                  `${location} parameter ${code(name.join(' '))}: ${keys.join(', ')} changed`,
                ),
              ];
        },
      },
      response: {
        reads: ['description'],
        find: ({ operation, status, base, head }) => {
          if (!base || !head) return [];
          const keys = changed(['description'], base, head);
          const baseContent = objectAt(base.content);
          const headContent = objectAt(head.content);
          for (const [type, media] of Object.entries(baseContent)) {
            const now = objectAt(headContent[type]);
            const before = objectAt(media).examples ?? objectAt(media).example;
            const after = now.examples ?? now.example;
            const same = sameResolved(
              operation.baseDocument,
              before,
              operation.headDocument,
              after,
            );
            if (headContent[type] !== undefined && !same) {
              keys.push(`${type} examples`);
            }
          }
          return keys.length === 0
            ? []
            : [finding(operation.head.key, `status ${code(status)}: ${keys.join(', ')} changed`)];
        },
      },
      schema: {
        reads: schemaDocs,
        find: (pair) => {
          const keys = changedDocumentation(pair.base.merged, pair.head.merged);
          return keys.length === 0
            ? []
            : [finding(pair.operation, `${subject(pair)}: ${keys.join(', ')} changed`)];
        },
      },
      parameterSchema: {
        reads: schemaDocs,
        find: (pair) => {
          const keys = changedDocumentation(pair.base.merged, pair.head.merged);
          return keys.length === 0
            ? []
            : [
                finding(
                  pair.parameter.operation.head.key,
                  `${parameterLabel(pair.parameter)}, property ${code(pair.where)}: ${keys.join(', ')} changed`,
                ),
              ];
        },
      },
    },
  },
];
