#!/usr/bin/env node
/*
 * Real-browser end-to-end test of the vanban page: runs every *.test.mjs
 * of this directory, in name order, in one browser.
 *
 *   BASE_URL=http://127.0.0.1:PORT node e2e.mjs [NAME...]
 *
 * NAME (e.g. "search") runs only the files whose name starts with it.
 * Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) with
 * playwright-core — never a downloaded browser — against a running
 * vanban-server whose index holds corpus/ (run.sh sets all of this up; the
 * environment is described in lib.mjs).
 *
 * A test file exports a default async function ({ browser }) that runs its
 * checks with check() on pages of withPage() (lib.mjs); it must not depend
 * on another file having run. Pages run under the page's real CSP, with
 * every console error, page error, CSP violation and failed request
 * recorded and checked once all files have run; the axe-core checks run in
 * contexts with bypassCSP (axe is injected as a script). Prints one line per
 * check and ends with "N passed, M failed"; exits non-zero when anything
 * failed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BASE_URL, check, failOutside, finish, launch, problems, SHOTS_DIR, startWatchdog,
} from './lib.mjs';

if (!BASE_URL) {
  console.error('e2e.mjs: set BASE_URL to the server to test, e.g. BASE_URL=http://127.0.0.1:8080');
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs.readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => !only.length || only.some((name) => f.startsWith(name)))
  .sort();

startWatchdog();
fs.mkdirSync(SHOTS_DIR, { recursive: true });

let browser = null;
try {
  browser = await launch();
  for (const file of files) {
    console.log(`# ${file}`);
    try {
      const { default: run } = await import(pathToFileURL(path.join(here, file)).href);
      await run({ browser });
    } catch (err) {
      // Outside any check (a page could not be opened, the file is broken): count it, go on.
      failOutside(`${file} stopped`, err);
    }
  }
  await check('f. no console errors, page errors, CSP violations or failed requests in the flows above', async () => {
    assert.deepEqual(problems, [], `${problems.length} problem(s):\n${problems.join('\n')}`);
  });
} catch (err) {
  // The browser did not start, or died: count it, still print the summary.
  failOutside('the run stopped', err);
} finally {
  if (browser) await browser.close().catch(() => {});
}

finish();
