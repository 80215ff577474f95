// Which Chromium the browser tests drive, and what happens when there is none.
// CHROMIUM_PATH points at any Chromium (default: Debian's /usr/bin/chromium).
// Without one the browser tests are skipped with one line saying so, unless
// REQUIRE_BROWSER=1 (set by .ci/run), under which a missing browser fails.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const browserRequired = process.env.REQUIRE_BROWSER === '1';
export const chromiumFound = existsSync(chromiumPath);
/** Run the browser tests: a browser is there, or its absence must fail them. */
export const runBrowserTests = chromiumFound || browserRequired;

export const missingChromium = `no Chromium at ${chromiumPath}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`;

export const skippedLine = `browser tests did not run: ${missingChromium}; REQUIRE_BROWSER=1 makes this a failure.`;
