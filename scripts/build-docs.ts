// `npm run docs`: the HTML API reference (Redoc, via Redocly CLI) in every
// language, from the bundled contract and its translations in generated/:
// English in build/docs/index.html, each translation in
// build/docs/<lang>/index.html (git-ignored). Scripts are inlined so the
// pages work offline, the renderer's telemetry is switched off, and each
// page links to the others.

import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { isMain } from '../lib/is-main.ts';
import { fromRoot } from '../lib/paths.ts';
import { runRedocly } from '../lib/redocly.ts';
import { scriptArgs } from '../lib/script.ts';
import { translatedBundleFile, translationLanguages } from './translations/bundle.ts';

export const docsFile = fromRoot('build/docs/index.html');

interface Language {
  /** `en`, or the name of a file in openapi/translations/. */
  code: string;
  /** BCP 47 tag for `<html lang>`: it picks the fonts, CJK ones for Chinese. */
  tag: string;
  /** The link text, in the language itself. */
  label: string;
  bundle: string;
}

// The page title is the bundle's own info.title (Redoc's default).
const KNOWN: Record<string, Pick<Language, 'tag' | 'label'>> = {
  en: { tag: 'en', label: 'English' },
  zh: { tag: 'zh-CN', label: '中文' },
};

function languages(): Language[] {
  return ['en', ...translationLanguages()].map((code) => ({
    code,
    ...(KNOWN[code] ?? { tag: code, label: code }),
    bundle: code === 'en' ? 'generated/openapi.yaml' : translatedBundleFile(code),
  }));
}

/** Where the page of `language` goes when the English one is `englishFile`. */
const pageFile = (englishFile: string, language: Language) =>
  language.code === 'en' ? englishFile : join(dirname(englishFile), language.code, 'index.html');

// The page's language, and a link to each other language, fixed in the
// top right corner above Redoc's layout.
function withLanguageLinks(
  html: string,
  file: string,
  language: Language,
  all: Language[],
  englishFile: string,
): string {
  const links = all
    .filter((other) => other !== language)
    .map((other) => {
      const href = relative(dirname(file), pageFile(englishFile, other)).split('\\').join('/');
      return `<a href="${href}" hreflang="${other.tag}" lang="${other.tag}">${other.label}</a>`;
    })
    .join(' ');
  const nav = `<nav id="language-links" style="position:fixed;top:8px;right:16px;z-index:1000;padding:4px 10px;background:#fff;border:1px solid #ddd;border-radius:4px;font:14px sans-serif">${links}</nav>`;
  // Only the first <html> and <body>: the inlined scripts contain others.
  // The sidebar's Redocly logo is the one thing the page would fetch (from
  // Redocly's CDN, which has no option to turn it off): a local mark instead.
  return html
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, redoclyMark)
    .replace(/<html[^>]*>/, `<html lang="${language.tag}">`)
    .replace('<body>', `<body>\n${nav}`);
}

// "Redocly" as an inline SVG: the attribution stays, the request goes.
const redoclyMark = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#666">Redocly</text></svg>',
)}`;

export async function buildDocs(englishFile: string = docsFile): Promise<string[]> {
  const all = languages();
  return Promise.all(
    all.map(async (language) => {
      const output = pageFile(englishFile, language);
      const result = await runRedocly([
        'build-docs',
        language.bundle,
        '--output',
        output,
        '--inlineBundle',
        '--openapi.disableTelemetry=true',
      ]);
      if (result.code !== 0) {
        throw new Error(
          `redocly build-docs ${language.bundle} failed (exit ${result.code}):\n${result.stderr}`,
        );
      }
      const html = await readFile(output, 'utf8');
      await writeFile(output, withLanguageLinks(html, output, language, all, englishFile));
      return output;
    }),
  );
}

if (isMain(import.meta.url)) {
  scriptArgs(
    `Usage: npm run docs [--verbose]\n\nBuilds the English and Chinese HTML references into build/docs/.\n\nOptions:\n  --verbose   print the stack of a failure\n  --help, -h  show this help\n\nExample:\n  npm run docs`,
  );
  for (const file of await buildDocs()) console.log(`wrote ${relative(fromRoot('.'), file)}`);
}
