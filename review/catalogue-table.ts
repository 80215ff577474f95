// The catalogue as the Markdown table docs/review.md shows between its
// `review-rules` markers; `npm run review:rules` writes it there and a test
// fails when docs/review.md and the catalogue disagree.
import { catalogue } from './catalogue.ts';

export const startMarker = '<!-- review-rules:start (npm run review:rules writes this table) -->';
export const endMarker = '<!-- review-rules:end -->';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function catalogueTable(): string {
  const rows = catalogue.map((rule) => {
    const oasdiff = rule.oasdiff ? `\`${rule.oasdiff.id}\` ${rule.oasdiff.level}` : '–';
    const body = rule.bodyId ? ` (on the body itself: \`${rule.bodyId}\`)` : '';
    const note = rule.differs ? ` *Ours differs: ${rule.differs}*` : '';
    return `| \`${rule.id}\`${body} | ${rule.level} | ${cell(rule.description + note)} | ${oasdiff} |`;
  });
  return ['| Rule | Level | What it finds | oasdiff |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/** README text with the table between the markers replaced. */
export function withCatalogueTable(readme: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) {
    throw new Error(`docs/review.md has no ${startMarker} … ${endMarker} section`);
  }
  return `${readme.slice(0, start + startMarker.length)}\n\n${catalogueTable()}\n\n${readme.slice(end)}`;
}
