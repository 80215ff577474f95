// The ids of the review's own checks, beside the rule catalogue's
// (rule-ids.ts): what a finding about the exceptions file, the translations,
// generated/ or the version carries, each written out once.
export const checkIds = {
  exceptionAdded: 'review-exception-added',
  exceptionChanged: 'review-exception-changed',
  exceptionRemoved: 'review-exception-removed',
  translationTargetRemoved: 'translation-target-removed',
  textUntranslated: 'translation-missing',
  chineseTextChanged: 'zh-text-changed',
  generatedStale: 'generated-stale',
  versionNotBumped: 'version-not-bumped',
} as const;

export type CheckId = (typeof checkIds)[keyof typeof checkIds];
