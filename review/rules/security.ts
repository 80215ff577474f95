// Rules on security schemes (how a client authenticates) and on the
// requirements that say which schemes an operation accepts.
import { change, code, type DocumentRule, missingFrom, type OperationRule } from '../change.ts';
import {
  changedDocumentation,
  deref,
  type JsonObject,
  objectAt,
  sameJson,
  withoutDocumentation,
} from '../json.ts';

const schemesOf = (document: JsonObject): Map<string, JsonObject> =>
  new Map(
    Object.entries(objectAt(objectAt(document.components).securitySchemes)).map(
      ([name, scheme]) => [name, objectAt(deref(document, scheme))],
    ),
  );

/** Breaking: clients that authenticate this way can no longer. */
export const securitySchemeRemoved: DocumentRule = (base, head) =>
  missingFrom(schemesOf(base).keys(), schemesOf(head)).map((name) =>
    change('breaking', 'security-scheme-removed', null, `security scheme ${code(name)} removed`),
  );

/** Non-breaking: a new way to authenticate. */
export const securitySchemeAdded: DocumentRule = (base, head) =>
  missingFrom(schemesOf(head).keys(), schemesOf(base)).map((name) =>
    change('non-breaking', 'security-scheme-added', null, `security scheme ${code(name)} added`),
  );

/**
 * Breaking when anything but documentation changes (type, header name, flow,
 * scheme): credentials sent the old way are refused. Non-breaking otherwise.
 */
export const securitySchemeChanged: DocumentRule = (base, head) => {
  const headSchemes = schemesOf(head);
  return [...schemesOf(base)].flatMap(([name, before]) => {
    const after = headSchemes.get(name);
    if (after === undefined) return [];
    if (!sameJson(withoutDocumentation(before), withoutDocumentation(after))) {
      const keys = Object.keys({ ...before, ...after }).filter(
        (key) => !sameJson(before[key], after[key]),
      );
      return [
        change(
          'breaking',
          'security-scheme-changed',
          null,
          `security scheme ${code(name)} changed (${keys.join(', ')})`,
        ),
      ];
    }
    const keys = changedDocumentation(before, after);
    return keys.length === 0
      ? []
      : [
          change(
            'non-breaking',
            'documentation-changed',
            null,
            `security scheme ${code(name)}: ${keys.join(', ')} changed`,
          ),
        ];
  });
};

/** Breaking when an accepted way to authenticate is dropped; non-breaking when one is added. */
export const securityRequirementChanged: OperationRule = ({ base, head }) => [
  ...missingFrom(base.security, head.security).map((alternative) =>
    change(
      'breaking',
      'security-requirement-removed',
      head.key,
      `no longer accepts ${code(alternative)}`,
    ),
  ),
  ...missingFrom(head.security, base.security).map((alternative) =>
    change(
      'non-breaking',
      'security-requirement-added',
      head.key,
      `now also accepts ${code(alternative)}`,
    ),
  ),
];
