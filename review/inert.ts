// Contract values are hostile text: a pull request controls every string the
// report quotes. Messages are built with `code(value)`, which marks a value;
// `markdownOf` renders a message so that nothing in it can become Markdown
// or HTML: marked values become code spans with a fence longer than any
// backtick run inside, the rest is backslash-escaped, and newlines, control
// and bidi characters are shown as `\n` / `\u{202e}` escapes.

const start = '\u0002';
const end = '\u0003';

/** Longest a quoted value may be before it is cut (the report must stay readable). */
export const maxShownLength = 200;

// C0/C1 controls, line and paragraph separators, zero-width and bidi controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const invisible = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The text with every invisible or line-breaking character written as an escape. */
export function visible(text: string): string {
  return text.replace(invisible, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u{${char.codePointAt(0)?.toString(16).padStart(4, '0')}}`;
  });
}

const cut = (text: string): string =>
  text.length <= maxShownLength
    ? text
    : `${text.slice(0, maxShownLength)}… (${text.length - maxShownLength} more characters)`;

/** Marks a value taken from a contract: the report shows it as an inert code span. */
export const code = (value: string): string => `${start}${cut(visible(value))}${end}`;

/** A code span that holds `text` literally, whatever backticks it contains. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or is blank) needs a space inside its fence.
  const pad = /^[`\s]|[`\s]$/.test(text) || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

// Characters that can open Markdown or HTML inline; a leading list or heading
// marker is escaped separately.
const markdownSpecial = /[\\`*_[\]<>#|~!&]/g;

function escapeText(text: string): string {
  return visible(text)
    .replace(markdownSpecial, (char) => `\\${char}`)
    .replace(/^(\s*)([-+]|\d+[.)])(?=\s|$)/, '$1\\$2');
}

const marked = new RegExp(`${start}([^${end}]*)${end}`, 'g');

/** A message (rule text with `code()` values) as Markdown that cannot become anything but text. */
export function markdownOf(message: string): string {
  let out = '';
  let last = 0;
  for (const match of message.matchAll(marked)) {
    out += escapeText(message.slice(last, match.index));
    out += codeSpan(visible(match[1] ?? ''));
    last = match.index + match[0].length;
  }
  // A lone marker (a raw value that carried one) is shown as its escape.
  return out + escapeText(message.slice(last));
}

/** A message for a terminal: values in backticks, nothing that moves the cursor or colours it. */
export function plainOf(message: string): string {
  return visible(message.replace(marked, (_, value: string) => `\`${value}\``));
}
