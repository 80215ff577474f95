// Rules on the documented statuses of an operation and on their documentation.
import { type Change, change, code, missingFrom, type OperationRule } from '../change.ts';
import { inline, objectAt, sameJson } from '../json.ts';

/** Breaking: clients that handle the status lose its contract (body, meaning). */
export const statusRemoved: OperationRule = ({ base, head }) =>
  missingFrom(base.responses.keys(), head.responses).map((status) =>
    change('breaking', 'status-removed', head.key, `status ${code(status)} removed`),
  );

/** Non-breaking: the contract now documents a status it did not. */
export const statusAdded: OperationRule = ({ base, head }) =>
  missingFrom(head.responses.keys(), base.responses).map((status) =>
    change('non-breaking', 'status-added', head.key, `status ${code(status)} added`),
  );

/** Non-breaking: a response's description or its named examples changed. */
export const responseDocumentationChanged: OperationRule = (pair) => {
  const changes: Change[] = [];
  for (const [status, baseResponse] of pair.base.responses) {
    const headResponse = pair.head.responses.get(status);
    if (headResponse === undefined) continue;
    const changed: string[] = [];
    if (!sameJson(baseResponse.description, headResponse.description)) changed.push('description');
    const baseContent = objectAt(baseResponse.content);
    const headContent = objectAt(headResponse.content);
    for (const [mediaType, baseMedia] of Object.entries(baseContent)) {
      const headMedia = objectAt(headContent[mediaType]);
      for (const key of ['example', 'examples']) {
        const before = inline(pair.baseDocument, objectAt(baseMedia)[key]);
        const after = inline(pair.headDocument, headMedia[key]);
        if (!sameJson(before, after)) changed.push(`${mediaType} examples`);
      }
    }
    if (changed.length > 0) {
      const what = [...new Set(changed)].join(', ');
      changes.push(
        change(
          'non-breaking',
          'documentation-changed',
          pair.head.key,
          `${what} of status ${code(status)} changed`,
        ),
      );
    }
  }
  return changes;
};
