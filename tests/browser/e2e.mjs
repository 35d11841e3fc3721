#!/usr/bin/env node
/*
 * Real-browser end-to-end test of the vanban page.
 *
 *   BASE_URL=http://127.0.0.1:PORT node e2e.mjs
 *
 * Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) with
 * playwright-core — never a downloaded browser — against a running
 * vanban-server whose index holds corpus/ (run.sh sets all of this up).
 *
 * Environment:
 *   BASE_URL     server to test (required)
 *   SHOTS_DIR    where screenshots go (default ./shots)
 *   CORPUS_DIR   the indexed corpus; when set, the document text and the list
 *                of citing documents are also checked against the files
 *   CHROMIUM     browser binary (default /usr/bin/chromium)
 *   E2E_TIMEOUT  whole-run watchdog in seconds (default 150)
 *
 * The main flow and the phone-width flow run under the page's real CSP, with
 * every console error, page error, CSP violation and failed request
 * recorded; the axe-core checks run in a separate context with bypassCSP
 * (axe is injected as a script). Prints one line per check and ends with
 * "N passed, M failed"; exits non-zero when anything failed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL) {
  console.error('e2e.mjs: set BASE_URL to the server to test, e.g. BASE_URL=http://127.0.0.1:8080');
  process.exit(2);
}
const SHOTS_DIR = path.resolve(process.env.SHOTS_DIR || 'shots');
const CORPUS_DIR = process.env.CORPUS_DIR ? path.resolve(process.env.CORPUS_DIR) : '';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WATCHDOG_S = Number(process.env.E2E_TIMEOUT) || 150;

const WIDE = { width: 1100, height: 900 };
const PHONE = { width: 360, height: 740 };
const ACTION_TIMEOUT = 10_000;

/* --------------------------------------------------------------- harness */

let passed = 0;
let failed = 0;
const started = Date.now();

async function check(name, fn) {
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

function finish() {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`screenshots: ${SHOTS_DIR}`);
  console.log(`browser e2e took ${secs} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.log(`FAIL  watchdog: the run took longer than ${WATCHDOG_S} s`);
  failed += 1;
  finish();
  process.exit(1); // playwright's exit handler kills the browser
}, WATCHDOG_S * 1000);
watchdog.unref();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns something truthy; the error names `what` and the last value seen. */
async function until(what, fn, timeout = ACTION_TIMEOUT) {
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
 * Everything the browser reports as wrong: console errors (CSP violations
 * show up there too), uncaught page errors, failed requests and HTTP errors.
 * `expectBad` holds URL fragments of deliberately bad requests, whose 404
 * and "Failed to load resource" message are allowed.
 */
const problems = [];
const expectBad = new Set();
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

/* ----------------------------------------------------------- page helpers */

let shotNo = 0;
async function shot(page, name) {
  shotNo += 1;
  const width = page.viewportSize().width;
  const file = path.join(SHOTS_DIR, `${String(shotNo).padStart(2, '0')}-${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const searchBox = (page) => page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' });
const statusLine = (page) => page.locator('#status');
const resultItems = (page) => page.locator('#results > li.result');
const resultLinks = (page) => page.locator('#results').getByRole('heading', { level: 3 }).getByRole('link');
const chipList = (page) => page.getByRole('list', { name: 'Bộ lọc đang áp dụng' });
const facetPanel = (page) => page.getByRole('complementary', { name: 'Lọc kết quả' });

/** Wait for the status line of a finished search; returns the number of documents found. */
async function waitForCount(page) {
  const text = await until('the result count in the status line', async () => {
    const t = (await statusLine(page).textContent()) || '';
    return /^(Tìm thấy|Không tìm thấy)/.test(t) ? t : null;
  });
  const m = /^Tìm thấy (?:khoảng )?([\d.]+) văn bản/.exec(text);
  return m ? Number(m[1].replace(/\./g, '')) : 0;
}

/** Type a query in the search box and submit it with Enter, as a user does. */
async function search(page, query) {
  const box = searchBox(page);
  await box.click();
  await box.fill('');
  await box.pressSequentially(query, { delay: 5 });
  const before = page.url();
  await box.press('Enter');
  await until('the URL to change after submitting', () => page.url() !== before);
  return waitForCount(page);
}

async function gotoHome(page) {
  await page.goto(`${BASE_URL}/`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 2, name: 'Tra cứu nhanh văn bản hành chính' }).waitFor();
}

/** Rendered document view: waits for the heading to leave its loading text. */
async function waitForDoc(page, title) {
  const heading = page.locator('#doc-title');
  await until(`the document heading "${title || '(any)'}"`, async () => {
    if (!(await page.locator('#doc-view').isVisible())) return false;
    const t = ((await heading.textContent()) || '').trim();
    if (!t || t.startsWith('Đang tải')) return false;
    return title ? t === title : t;
  });
  await until('the document text', async () => ((await page.locator('#doc-text').textContent()) || '').length > 0);
}

async function waitForDirective(page) {
  await until('the directive page heading', async () => {
    if (!(await page.locator('#directive-view').isVisible())) return false;
    const t = ((await page.locator('#directive-title').textContent()) || '').trim();
    return t && !t.startsWith('Đang tải') ? t : false;
  });
}

async function apiJson(p) {
  const res = await fetch(`${BASE_URL}${p}`);
  assert.equal(res.status, 200, `GET ${p}`);
  return res.json();
}

/**
 * The page is no wider than the viewport; on failure, names the elements
 * that stick out. Failures are collected in `overflows` (when given) so one
 * wide view does not hide the others.
 */
async function assertNoHorizontalScroll(page, where, overflows = null) {
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
const focused = (page) => page.evaluate(() => {
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
async function focusPageStart(page) {
  const f = await focused(page);
  if (f.tag === 'body') return;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).tag === 'body') return;
  }
  throw new Error('could not Tab past the end of the page');
}

/** Tab until `pred(focused)` holds; returns the stops visited. */
async function tabUntil(page, pred, max, what) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    stops.push(f.tag === 'body' ? 'body' : `${f.tag}${f.id ? `#${f.id}` : ''} "${f.text}"`);
    if (pred(f)) return stops;
  }
  throw new Error(`${what} not reached in ${max} Tab presses; focus went: ${stops.join(' → ')}`);
}

async function runAxe(page, where) {
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

/* ------------------------------------------------------------------ main */

fs.mkdirSync(SHOTS_DIR, { recursive: true });

let browser = null;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  console.log(`chromium ${browser.version()} at ${CHROMIUM}; server ${BASE_URL}`);

  const seedIds = CORPUS_DIR && fs.existsSync(path.join(CORPUS_DIR, 'seeds'))
    ? fs.readdirSync(path.join(CORPUS_DIR, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => `seeds/${f}`).sort()
    : [];

  /* ============================== main flow: 1100 px, under the real CSP */
  const main = await browser.newContext({ viewport: WIDE, locale: 'vi-VN' });
  main.setDefaultTimeout(ACTION_TIMEOUT);
  await main.addInitScript(CSP_REPORTER);
  const page = await main.newPage();
  watch(page, '1100px');

  // Where the flows meet: the first result of step a, opened in step b.
  let firstTitle = '';
  let firstId = '';
  let directiveHref = ''; // the 34-CT/TW citation link of step b

  await check('home page loads, search box has an accessible label and focus', async () => {
    await gotoHome(page);
    assert.equal(await page.title(), 'vanban — Tra cứu văn bản hành chính');
    assert.equal(await searchBox(page).count(), 1, 'one searchbox named "Từ khóa tìm kiếm"');
    assert.equal(await page.getByLabel('Từ khóa tìm kiếm').getAttribute('id'), 'q');
    assert.equal(await page.getByRole('search').count(), 1, 'a search landmark');
    await until('the search box to get focus on load', async () => (await focused(page)).id === 'q');
    await shot(page, 'home');
  });

  await check('a. unaccented "dan van kheo" finds 2 documents with "Dân vận khéo" highlighted', async () => {
    await gotoHome(page);
    const n = await search(page, 'dan van kheo');
    assert.equal(n, 2, `status line: ${await statusLine(page).textContent()}`);
    assert.match(await statusLine(page).textContent(), /^Tìm thấy 2 văn bản/);
    assert.match(page.url(), /[?&]q=dan\+van\+kheo(&|$)/);
    assert.equal(await page.getByRole('heading', { level: 2 }).filter({ visible: true }).first().textContent(),
      'Kết quả cho “dan van kheo”');
    assert.equal(await searchBox(page).inputValue(), 'dan van kheo', 'the query stays in the box');
    assert.equal((await focused(page)).id, 'q', 'focus stays in the search box after Enter');
    assert.equal(await resultItems(page).count(), 2);
    for (let i = 0; i < 2; i++) {
      const item = resultItems(page).nth(i);
      const marks = await item.locator('mark').allTextContents();
      assert.ok(marks.some((m) => m.includes('Dân vận khéo')), `result ${i + 1}: marks ${JSON.stringify(marks)}`);
      const snippet = await item.locator('.result-snippet').textContent();
      assert.ok(!/<\/?mark|&quot;|&amp;|&lt;/.test(snippet), `result ${i + 1}: raw markup in snippet: ${snippet}`);
    }
    const allMarks = await page.locator('#results mark').allTextContents();
    assert.ok(allMarks.includes('Dân vận khéo'), `a <mark> with exactly "Dân vận khéo": ${JSON.stringify(allMarks)}`);
    firstTitle = ((await resultLinks(page).first().textContent()) || '').trim();
    firstId = new URL(await resultLinks(page).first().getAttribute('href'), BASE_URL).searchParams.get('doc');
    assert.ok(firstTitle && firstId, 'the first result has a title link to a document');
    await shot(page, 'results-dan-van-kheo');
  });

  await check('b. a result opens the full document; its 34-CT/TW citation leads to the directive and its 5 citing documents', async () => {
    await page.goto(`${BASE_URL}/?q=dan+van+kheo`);
    assert.equal(await waitForCount(page), 2);
    const link = resultLinks(page).first();
    const title = ((await link.textContent()) || '').trim();
    await link.click();
    await waitForDoc(page, title);
    const id = new URL(page.url()).searchParams.get('doc');
    assert.ok(id, `document URL: ${page.url()}`);
    assert.equal(await page.getByRole('heading', { level: 2, name: title }).count(), 1);
    assert.equal(await page.title(), `${title} — vanban`);
    assert.equal((await focused(page)).id, 'doc-title', 'focus moves to the document heading');

    // The full text: exactly the API's text (trimmed), and the corpus file's.
    const doc = await apiJson(`/api/documents/${encodeURIComponent(id)}`);
    const shown = await page.locator('#doc-text').textContent();
    assert.equal(shown, doc.text.trim(), 'the document view shows the whole text');
    if (CORPUS_DIR) {
      const file = fs.readFileSync(path.join(CORPUS_DIR, id), 'utf8');
      const norm = (s) => s.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim();
      assert.equal(norm(shown), norm(file), `the text equals ${id} in the corpus`);
    }
    await page.getByRole('heading', { level: 3, name: 'Thông tin văn bản' }).waitFor();
    await shot(page, 'document');

    // Citation links in the text; the 34-CT/TW one goes to the directive page.
    const cite = page.locator('#doc-text').getByRole('link', { name: /34-CT\/TW/ }).first();
    assert.ok(await cite.count() > 0, 'a link on "34-CT/TW" in the document text');
    assert.match(await cite.getAttribute('href'), /[?&]directive=34-ct%2Ftw/i);
    directiveHref = await cite.getAttribute('href');
    await cite.click();
    await waitForDirective(page);
    const heading = (await page.locator('#directive-title').textContent()).trim();
    assert.ok(heading.includes('34-CT/TW'), `directive heading: ${heading}`);
    assert.equal(await page.getByRole('heading', { level: 2, name: /34-CT\/TW/ }).count(), 1);
    assert.match(page.url(), /[?&]directive=34-ct%2Ftw/i);
    const citing = page.getByRole('region', { name: /^Các văn bản trích dẫn/ });
    assert.equal(await citing.getByRole('heading', { level: 3 }).textContent(), 'Các văn bản trích dẫn (5)');
    const items = citing.getByRole('listitem');
    assert.equal(await items.count(), 5, 'five citing documents listed');
    const ids = (await citing.getByRole('link').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('doc')))).sort();
    assert.equal(new Set(ids).size, 5, `five distinct citing documents: ${ids}`);
    if (seedIds.length) assert.deepEqual(ids, seedIds, 'the citing documents are the 5 seeds');
    // The citing sentences highlight the directive's symbol.
    const marks = await citing.locator('mark').allTextContents();
    assert.ok(marks.length >= 5 && marks.every((m) => m === '34-CT/TW'), `marks in citing sentences: ${JSON.stringify(marks)}`);
    await shot(page, 'directive-34-ct-tw');

    // History: back returns to the document, its back button to the results.
    await page.goBack();
    await waitForDoc(page, title);
    await page.getByRole('button', { name: 'Quay lại kết quả' }).click();
    assert.equal(await waitForCount(page), 2, 'the results again after "Quay lại kết quả"');
    assert.match(page.url(), /[?&]q=dan\+van\+kheo/);
  });

  await check('c. "thi đua": a year facet narrows the results, adds a removable chip; chips combine and clear', async () => {
    await gotoHome(page);
    const total = await search(page, 'thi đua');
    assert.ok(total >= 2, `"thi đua" finds several documents (got ${total})`);
    assert.equal(await chipList(page).isVisible(), false, 'no filter chip before a facet is chosen');
    const facets = facetPanel(page);
    await facets.waitFor();
    for (const g of ['Loại văn bản', 'Cơ quan ban hành', 'Năm', 'Văn bản được trích dẫn nhiều']) {
      assert.equal(await facets.getByText(g, { exact: true }).count(), 1, `facet group "${g}"`);
    }

    // The year with the fewest documents (fewer than the total).
    const yearGroup = facets.locator('details').filter({ has: page.getByText('Năm', { exact: true }) });
    assert.equal(await yearGroup.evaluate((d) => d.open), true, 'facet groups are open on a wide screen');
    // Each link reads "<year> <count> văn bản" (label, count, hidden words).
    const years = await yearGroup.getByRole('link').evaluateAll((as) => as.map((a) => a.textContent.replace(/\s+/g, ' ').trim()));
    const parsed = years.map((l) => /^(\d{4}) ?(\d+) văn bản/.exec(l)).filter(Boolean)
      .map((m) => ({ year: m[1], count: Number(m[2]) })).filter((y) => y.count < total)
      .sort((x, y) => x.count - y.count);
    assert.ok(parsed.length, `a year facet with fewer than ${total} documents: ${JSON.stringify(years)}`);
    const { year, count } = parsed[0];
    await yearGroup.getByRole('link', { name: new RegExp(`^${year}\\s*${count} văn bản`) }).click();
    await until('the year filter in the URL', () => new URL(page.url()).searchParams.get('from') === year);
    const filtered = await waitForCount(page);
    assert.equal(filtered, count, `filtered count equals the facet's (${count})`);
    assert.ok(filtered < total, `the count drops (${total} → ${filtered})`);
    const dates = await page.locator('#results time').evaluateAll((ts) => ts.map((t) => t.dateTime));
    assert.ok(dates.length === filtered && dates.every((d) => d.startsWith(year)), `result dates ${dates} are in ${year}`);
    const chip = chipList(page).getByRole('link', { name: `Năm: ${year} — bỏ bộ lọc này` });
    assert.equal(await chip.isVisible(), true, 'a visible "Năm" filter chip');
    assert.equal(await yearGroup.getByRole("link", { name: new RegExp(`${year}\\s*\\d+ văn bản, đang chọn`) }).getAttribute("aria-current"), "true");
    await shot(page, 'facet-year');

    await chip.click();
    assert.equal(await waitForCount(page), total, 'removing the chip restores the count');
    await until('the chip list to disappear', async () => !(await chipList(page).isVisible()));
    assert.equal(new URL(page.url()).searchParams.get('from'), null);

    // A cited-directive facet, then a year on top: two chips and "Xóa tất cả bộ lọc".
    const dirGroup = facets.locator('details').filter({ has: page.getByText('Văn bản được trích dẫn nhiều', { exact: true }) });
    const dirLink = dirGroup.getByRole('link').first();
    const dirLabel = (await dirLink.locator('.facet-label').textContent()).trim();
    await dirLink.click();
    await until('the cites filter in the URL', () => new URL(page.url()).searchParams.get('cites'));
    const n2 = await waitForCount(page);
    assert.ok(n2 >= 1 && n2 <= total, `cited-directive filter count ${n2}`);
    await chipList(page).getByRole('link', { name: `Trích dẫn: ${dirLabel} — bỏ bộ lọc này` }).waitFor();
    await yearGroup.getByRole('link').first().click();
    await until('the year filter in the URL', () => new URL(page.url()).searchParams.get('from'));
    const n3 = await waitForCount(page);
    assert.ok(n3 <= n2, `two filters (${n3}) narrow at least as much as one (${n2})`);
    assert.equal(await chipList(page).getByRole('link', { name: /bỏ bộ lọc này$/ }).count(), 2, 'two filter chips');
    await shot(page, 'facet-two-filters');
    await chipList(page).getByRole('link', { name: 'Xóa tất cả bộ lọc' }).click();
    assert.equal(await waitForCount(page), total, '"Xóa tất cả bộ lọc" restores the count');
    await until('the chip list to disappear', async () => !(await chipList(page).isVisible()));
    assert.match(page.url(), /[?&]q=thi\+%C4%91ua$/i);
  });

  await check('e. keyboard: Tab from the page start reaches the search box (home) and the first result link (results)', async () => {
    await gotoHome(page);
    await until('the search box to get focus on load', async () => (await focused(page)).id === 'q');
    await focusPageStart(page);
    const homeStops = await tabUntil(page, (f) => f.id === 'q', 12, 'the search box');
    assert.match(homeStops[0], /^a "Bỏ qua đến nội dung chính"/, `the skip link comes first: ${homeStops}`);

    await page.goto(`${BASE_URL}/?q=dan+van+kheo`);
    assert.equal(await waitForCount(page), 2);
    await focusPageStart(page);
    const first = await tabUntil(page, () => true, 1, 'the skip link');
    assert.match(first[0], /^a "Bỏ qua đến nội dung chính"/);
    const skipVisible = await page.evaluate(() => {
      const b = document.activeElement.getBoundingClientRect();
      return b.width > 1 && b.height > 1 && b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight;
    });
    assert.ok(skipVisible, 'the skip link is visible when focused');
    await tabUntil(page, (f) => f.id === 'q', 12, 'the search box');
    const firstHref = await resultLinks(page).first().getAttribute('href');
    const stops = await tabUntil(page, (f) => f.inResults && f.tag === 'a', 80, 'the first result link');
    const last = await focused(page);
    assert.equal(last.href, firstHref, `the first result link is reached first (after ${stops.length} more Tabs)`);
    await page.keyboard.press('Enter');
    await waitForDoc(page, firstTitle || undefined);

    // The skip link moves focus to <main>.
    await page.goto(`${BASE_URL}/?q=dan+van+kheo`);
    await waitForCount(page);
    await focusPageStart(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await until('focus on <main> after the skip link', async () => (await focused(page)).id === 'main');
  });

  await check('unknown document: a Vietnamese "not found" message, no script error', async () => {
    expectBad.add('/api/documents/seeds%2Fno-such-file.txt');
    await page.goto(`${BASE_URL}/?doc=${encodeURIComponent('seeds/no-such-file.txt')}`);
    await until('the not-found heading', async () => (await page.locator('#doc-title').textContent()) === 'Không tìm thấy văn bản');
    assert.match(await page.getByRole('alert').textContent(), /Văn bản này không có trong kho/);
    await page.getByRole('link', { name: 'Về trang tìm kiếm' }).click();
    await until('the home page', async () => (await focused(page)).id === 'q');
  });

  await check('a document full of markup displays as text and runs nothing', async () => {
    await gotoHome(page);
    assert.equal(await search(page, '"kiem tra giao dien bao mat"'), 1);
    const snippet = await resultItems(page).first().locator('.result-snippet').textContent();
    assert.ok(snippet.includes('<script>'), `the snippet shows the markup as text: ${snippet}`);
    await resultLinks(page).first().click();
    await until('the document text', async () => ((await page.locator('#doc-text').textContent()) || '').includes('<script>window.__vanbanXss = 1</script>'));
    assert.equal(await page.locator('#doc-text script, #doc-text img, #doc-text b, #results script').count(), 0,
      'no element made from the document text');
    assert.equal(await page.evaluate(() => window.__vanbanXss), undefined, 'no script from the document ran');
    await shot(page, 'document-with-markup');
  });

  await main.close();

  /* ========================= phone flow: 360 px, under the real CSP (d, g) */
  const phone = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', deviceScaleFactor: 1, hasTouch: true });
  phone.setDefaultTimeout(ACTION_TIMEOUT);
  await phone.addInitScript(CSP_REPORTER);
  const mobile = await phone.newPage();
  watch(mobile, '360px');

  await check('d. 360 px: home, results, document, directive and filtered results have no horizontal scroll', async () => {
    const overflows = [];
    await gotoHome(mobile);
    await assertNoHorizontalScroll(mobile, 'home', overflows);
    await shot(mobile, 'home');

    assert.equal(await search(mobile, 'dan van kheo'), 2);
    assert.ok((await mobile.locator('#results mark').allTextContents()).includes('Dân vận khéo'));
    await assertNoHorizontalScroll(mobile, 'results', overflows);
    await shot(mobile, 'results-dan-van-kheo');

    const link = resultLinks(mobile).first();
    const title = ((await link.textContent()) || '').trim();
    await link.click();
    await waitForDoc(mobile, title);
    await mobile.getByRole('heading', { level: 3, name: 'Thông tin văn bản' }).waitFor();
    await assertNoHorizontalScroll(mobile, 'document', overflows);
    await shot(mobile, 'document');

    await mobile.locator('#doc-text').getByRole('link', { name: /34-CT\/TW/ }).first().click();
    await waitForDirective(mobile);
    await mobile.getByRole('region', { name: /^Các văn bản trích dẫn/ }).waitFor();
    await assertNoHorizontalScroll(mobile, 'directive', overflows);
    await shot(mobile, 'directive-34-ct-tw');

    // Facet groups start closed on a narrow screen: open "Năm" and pick a year.
    await gotoHome(mobile);
    const total = await search(mobile, 'thi đua');
    const facets = facetPanel(mobile);
    const yearGroup = facets.locator('details').filter({ has: mobile.getByText('Năm', { exact: true }) });
    assert.equal(await yearGroup.evaluate((d) => d.open), false, 'facet groups start closed on a phone');
    await assertNoHorizontalScroll(mobile, 'results with facets', overflows);
    await yearGroup.getByText('Năm', { exact: true }).click();
    const yearLink = yearGroup.getByRole('link').first();
    await yearLink.click();
    const n = await waitForCount(mobile);
    assert.ok(n <= total);
    await chipList(mobile).getByRole('link', { name: /^Năm: \d{4} — bỏ bộ lọc này$/ }).waitFor();
    await assertNoHorizontalScroll(mobile, 'filtered results', overflows);
    await shot(mobile, 'facet-year');
    assert.deepEqual(overflows, [], `horizontal scroll at ${PHONE.width} px:\n${overflows.join('\n')}`);
  });

  await phone.close();

  await check('f. no console errors, page errors, CSP violations or failed requests in the flows above', async () => {
    assert.deepEqual(problems, [], `${problems.length} problem(s):\n${problems.join('\n')}`);
  });

  /* ========== accessibility: axe-core, in a context that lets axe in (e) */
  for (const viewport of [WIDE, PHONE]) {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN', bypassCSP: true });
    ctx.setDefaultTimeout(ACTION_TIMEOUT);
    const p = await ctx.newPage();
    p.on('pageerror', (err) => problems.push(`[axe ${viewport.width}px] page error: ${err.message}`));
    const w = `${viewport.width}px`;

    await check(`e. axe-core wcag2a+wcag2aa, ${w}: home page`, async () => {
      await gotoHome(p);
      await runAxe(p, `home ${w}`);
    });
    await check(`e. axe-core wcag2a+wcag2aa, ${w}: results with facets`, async () => {
      await p.goto(`${BASE_URL}/?q=dan+van+kheo`);
      assert.equal(await waitForCount(p), 2);
      await runAxe(p, `results ${w}`);
    });
    await check(`e. axe-core wcag2a+wcag2aa, ${w}: document view`, async () => {
      const id = firstId || (await apiJson('/api/search?q=dan+van+kheo')).results[0].id;
      await p.goto(`${BASE_URL}/?q=dan+van+kheo&doc=${encodeURIComponent(id)}`);
      await waitForDoc(p);
      await p.getByRole('heading', { level: 3, name: 'Thông tin văn bản' }).waitFor();
      await runAxe(p, `document ${w}`);
    });
    await check(`e. axe-core wcag2a+wcag2aa, ${w}: directive page`, async () => {
      await p.goto(`${BASE_URL}${directiveHref || `/?directive=${encodeURIComponent('34-ct/tw@2014-04-07')}`}`);
      await waitForDirective(p);
      await p.getByRole('region', { name: /^Các văn bản trích dẫn/ }).waitFor();
      await runAxe(p, `directive ${w}`);
    });
    await ctx.close();
  }

  await check('no page errors in the accessibility contexts', async () => {
    const late = problems.filter((x) => x.startsWith('[axe'));
    assert.deepEqual(late, []);
  });
} catch (err) {
  // Outside any check (the browser did not start, or died): count it, still print the summary.
  failed += 1;
  console.log(`FAIL  the run stopped: ${String((err && err.stack) || err).split('\n').slice(0, 8).join('\n      ')}`);
} finally {
  if (browser) await browser.close().catch(() => {});
}

finish();
