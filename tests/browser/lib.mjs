/*
 * Shared harness of the real-browser test: configuration, the browser,
 * checks and their report, what the browser reports as wrong, and helpers
 * that drive the page as a user does. The *.test.mjs files use it; e2e.mjs
 * runs them.
 *
 * Environment:
 *   BASE_URL     server to test (required)
 *   SHOTS_DIR    where screenshots go (default ./shots)
 *   CORPUS_DIR   the indexed corpus; when set, the document text and the list
 *                of citing documents are also checked against the files
 *   CHROMIUM     browser binary (default /usr/bin/chromium)
 *   E2E_TIMEOUT  whole-run watchdog in seconds (default 240)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
export const SHOTS_DIR = path.resolve(process.env.SHOTS_DIR || 'shots');
export const CORPUS_DIR = process.env.CORPUS_DIR ? path.resolve(process.env.CORPUS_DIR) : '';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WATCHDOG_S = Number(process.env.E2E_TIMEOUT) || 240;

export const WIDE = { width: 1100, height: 900 };
export const PHONE = { width: 360, height: 740 };
const ACTION_TIMEOUT = 10_000;

/** The seed files of the corpus as document ids (seeds/000_….txt), sorted; [] without CORPUS_DIR. */
export const seedIds = CORPUS_DIR && fs.existsSync(path.join(CORPUS_DIR, 'seeds'))
  ? fs.readdirSync(path.join(CORPUS_DIR, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => `seeds/${f}`).sort()
  : [];

/* --------------------------------------------------------------- checks */

let passed = 0;
let failed = 0;
const started = Date.now();

/** Runs one named check: prints "ok    name (N ms)" or "FAIL  name (N ms)" and the error. */
export async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok    ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failed += 1;
    console.log(`FAIL  ${name} (${Date.now() - t0} ms)`);
    const text = String((err && err.stack) || err).split('\n').slice(0, 12).join('\n');
    console.log(text.replace(/^/gm, '      '));
  }
}

/** Something failed outside any check (the browser did not start, a test file stopped): count it. */
export function failOutside(what, err) {
  failed += 1;
  console.log(`FAIL  ${what}: ${String((err && err.stack) || err).split('\n').slice(0, 8).join('\n      ')}`);
}

/** Prints the summary ("N passed, M failed") and sets the exit code. */
export function finish() {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`screenshots: ${SHOTS_DIR}`);
  console.log(`browser e2e took ${secs} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

/** Stops a run that hangs, with the summary printed. */
export function startWatchdog() {
  const watchdog = setTimeout(() => {
    console.log(`FAIL  watchdog: the run took longer than ${WATCHDOG_S} s`);
    failed += 1;
    finish();
    process.exit(1); // playwright's exit handler kills the browser
  }, WATCHDOG_S * 1000);
  watchdog.unref();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns something truthy; the error names `what` and the last value seen. */
export async function until(what, fn, timeout = ACTION_TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last seen: ${seen})`);
    }
    await sleep(50);
  }
}

/* ------------------------------------------------------ browser problems */

/**
 * Everything the browser reports as wrong in the pages opened under the
 * real CSP: console errors (CSP violations show up there too), uncaught page
 * errors, failed requests and HTTP errors. `expectBad` holds URL fragments
 * of deliberately bad requests, whose 404 and "Failed to load resource"
 * message are allowed. e2e.mjs checks the list is empty at the end.
 */
export const problems = [];
export const expectBad = new Set();
const isExpectedBad = (url) => [...expectBad].some((frag) => url && url.includes(frag));

function watch(page, label) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location() && msg.location().url;
    if (/^Failed to load resource/.test(msg.text()) && isExpectedBad(url)) return;
    problems.push(`[${label}] console error: ${msg.text()}${url ? ` (at ${url})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`[${label}] page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const why = req.failure() ? req.failure().errorText : '';
    if (why === 'net::ERR_ABORTED') return; // the app aborts superseded fetches on purpose
    problems.push(`[${label}] request failed: ${req.method()} ${req.url()} ${why}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !isExpectedBad(res.url())) {
      problems.push(`[${label}] HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
    }
  });
}

/* Logs CSP violations with their directive (Chromium also logs its own message). */
const CSP_REPORTER = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
};

/* -------------------------------------------------------------- browser */

/** Debian's Chromium, headless, with the flags of a quiet, offline test run. */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  console.log(`chromium ${browser.version()} at ${CHROMIUM}; server ${BASE_URL}`);
  return browser;
}

/**
 * Runs `fn(page)` on a page of a fresh context, closed afterwards.
 * Default: under the page's real CSP, with every problem recorded in
 * `problems` under `label`. `{ axe: true }`: CSP bypassed so axe-core can
 * be injected as a script, and only page errors recorded, in `pageErrors`.
 */
export async function withPage(browser, { viewport, label, phone = false, axe = false, pageErrors = null }, fn) {
  const options = { viewport, locale: 'vi-VN' };
  if (phone) Object.assign(options, { deviceScaleFactor: 1, hasTouch: true });
  if (axe) options.bypassCSP = true;
  const ctx = await browser.newContext(options);
  try {
    ctx.setDefaultTimeout(ACTION_TIMEOUT);
    if (!axe) await ctx.addInitScript(CSP_REPORTER);
    const page = await ctx.newPage();
    if (axe) page.on('pageerror', (err) => pageErrors.push(`[${label}] page error: ${err.message}`));
    else watch(page, label);
    await fn(page);
  } finally {
    await ctx.close();
  }
}

/* ----------------------------------------------------------- page helpers */

let shotNo = 0;
/** A full-page screenshot, numbered in run order: NN-name-WIDTH.png. */
export async function shot(page, name) {
  shotNo += 1;
  const width = page.viewportSize().width;
  const file = path.join(SHOTS_DIR, `${String(shotNo).padStart(2, '0')}-${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export const searchBox = (page) => page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' });
export const statusLine = (page) => page.locator('#status');
export const resultItems = (page) => page.locator('#results > li.result');
export const resultLinks = (page) => page.locator('#results').getByRole('heading', { level: 3 }).getByRole('link');
export const chipList = (page) => page.getByRole('list', { name: 'Bộ lọc đang áp dụng' });
export const facetPanel = (page) => page.getByRole('complementary', { name: 'Lọc kết quả' });

/** Wait for the status line of a finished search; returns the number of documents found. */
export async function waitForCount(page) {
  const text = await until('the result count in the status line', async () => {
    const t = (await statusLine(page).textContent()) || '';
    return /^(Tìm thấy|Không tìm thấy)/.test(t) ? t : null;
  });
  const m = /^Tìm thấy (?:khoảng )?([\d.]+) văn bản/.exec(text);
  return m ? Number(m[1].replace(/\./g, '')) : 0;
}

/** Type a query in the search box and submit it with Enter, as a user does. */
export async function search(page, query) {
  const box = searchBox(page);
  await box.click();
  await box.fill('');
  await box.pressSequentially(query, { delay: 5 });
  const before = page.url();
  await box.press('Enter');
  await until('the URL to change after submitting', () => page.url() !== before);
  return waitForCount(page);
}

export async function gotoHome(page) {
  await page.goto(`${BASE_URL}/`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 2, name: 'Tra cứu nhanh văn bản hành chính' }).waitFor();
}

/** Rendered document view: waits for the heading to leave its loading text. */
export async function waitForDoc(page, title) {
  const heading = page.locator('#doc-title');
  await until(`the document heading "${title || '(any)'}"`, async () => {
    if (!(await page.locator('#doc-view').isVisible())) return false;
    const t = ((await heading.textContent()) || '').trim();
    if (!t || t.startsWith('Đang tải')) return false;
    return title ? t === title : t;
  });
  await until('the document text', async () => ((await page.locator('#doc-text').textContent()) || '').length > 0);
}

/** Rendered page of a directive (#directive-view) or a campaign (#campaign-view); returns its title. */
export async function waitForDetail(page, what) {
  return until(`the ${what} page heading`, async () => {
    if (!(await page.locator(`#${what}-view`).isVisible())) return false;
    const t = ((await page.locator(`#${what}-title`).textContent()) || '').trim();
    return t && !t.startsWith('Đang tải') ? t : false;
  });
}

export const waitForDirective = (page) => waitForDetail(page, 'directive');

/** Rendered list of directives (#dir-status) or campaigns (#camp-status): returns its status line. */
export async function waitForListStatus(page, statusId) {
  return until(`the list status #${statusId}`, async () => {
    const t = ((await page.locator(`#${statusId}`).textContent()) || '').trim();
    return t && !t.startsWith('Đang tải') ? t : false;
  });
}

export async function apiJson(p) {
  const res = await fetch(`${BASE_URL}${p}`);
  assert.equal(res.status, 200, `GET ${p}`);
  return res.json();
}

/**
 * The page is no wider than the viewport; on failure, names the elements
 * that stick out. Failures are collected in `overflows` (when given) so one
 * wide view does not hide the others.
 */
export async function assertNoHorizontalScroll(page, where, overflows = null) {
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const sw = document.documentElement.scrollWidth;
    const culprits = [];
    if (sw > vw) {
      // Boxes that stick out, and boxes whose content spills out of them.
      for (const el of document.querySelectorAll('body *')) {
        const b = el.getBoundingClientRect();
        if (b.width === 0) continue;
        const spills = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible';
        if (b.right > vw + 0.5 || spills) culprits.push({ el, right: Math.round(b.right), spills });
      }
    }
    // The innermost ones say most.
    const wide = culprits.filter((c) => !culprits.some((o) => o !== c && c.el.contains(o.el))).slice(0, 8)
      .map(({ el, right, spills }) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right=${right}${spills ? `, content ${el.scrollWidth}px wide in ${el.clientWidth}px` : ''}) "${(el.textContent || '').trim().slice(0, 40)}"`);
    return { sw, vw, wide };
  });
  if (r.sw <= PHONE.width) return;
  const msg = `${where}: document.documentElement.scrollWidth is ${r.sw} > ${PHONE.width} (clientWidth ${r.vw}); too wide: ${r.wide.join('; ')}`;
  if (!overflows) throw new assert.AssertionError({ message: msg });
  overflows.push(msg);
}

/** Accessible description of the focused element, for keyboard checks. */
export const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return { tag: 'body' };
  return {
    tag: a.tagName.toLowerCase(),
    id: a.id,
    text: (a.getAttribute('aria-label') || a.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60),
    href: a.getAttribute('href') || '',
    inResults: Boolean(a.closest('#results')),
  };
});

/**
 * Move the keyboard focus to "before the first element", like a reader who
 * has just arrived: if something already has focus (the home page focuses
 * its search box), Tab past the end of the page so the next Tab starts over.
 */
export async function focusPageStart(page) {
  const f = await focused(page);
  if (f.tag === 'body') return;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).tag === 'body') return;
  }
  throw new Error('could not Tab past the end of the page');
}

/** Tab until `pred(focused)` holds; returns the stops visited. */
export async function tabUntil(page, pred, max, what) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    stops.push(f.tag === 'body' ? 'body' : `${f.tag}${f.id ? `#${f.id}` : ''} "${f.text}"`);
    if (pred(f)) return stops;
  }
  throw new Error(`${what} not reached in ${max} Tab presses; focus went: ${stops.join(' → ')}`);
}

/** axe-core's wcag2a + wcag2aa rules on the page as it is: no violation. Needs a page of withPage(…, { axe: true }). */
export async function runAxe(page, where) {
  await page.addScriptTag({ path: AXE_PATH });
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`),
    }));
  });
  assert.deepEqual(res, [], `${where}: axe-core found ${res.length} violation(s):\n${JSON.stringify(res, null, 2)}`);
}
