/*
 * Reading a long document (an excerpt of Luật Bảo hiểm xã hội
 * 41/2024/QH15, tests/data/outline): the table of contents lists its
 * Chương / Mục / Điều and scrolls to them, a deep link #dieu-N opened cold
 * lands on the article, and the searched words are marked with previous /
 * next and a counter. 1100 px and 360 px.
 */
import assert from 'node:assert/strict';
import {
  apiJson, assertNoHorizontalScroll, BASE_URL, check, PHONE, shot, until, waitForDoc, WIDE, withPage,
} from './lib.mjs';

const ID = 'luat-41-2024-qh15.txt';
const DOC_URL = `${BASE_URL}/?q=bao+hiem&doc=${ID}`;

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: 'reading 1100px' }, async (page) => {
    await check('reading: the table of contents lists the Chương / Mục / Điều; an entry scrolls to its heading',
      () => tableOfContents(page));
    await check('reading: "bao hiem" marks "bảo hiểm" in the text; next / previous move between the marks, 1/N',
      () => searchedWords(page));
  });
  await withPage(browser, { viewport: PHONE, label: 'reading 360px', phone: true }, async (page) => {
    await check('reading: a deep link #dieu-21 opened cold lands on Điều 21 (360 px, nothing wider than the screen)',
      () => deepLink(page));
  });
}

const toc = (page) => page.getByRole('navigation', { name: 'Mục lục văn bản' });

/** The heading's top is within the viewport's top part. */
async function atTop(page, id) {
  return page.evaluate((anchor) => {
    const r = document.getElementById(anchor).getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight / 3;
  }, id);
}

async function tableOfContents(page) {
  await page.goto(DOC_URL);
  await waitForDoc(page);
  const doc = await apiJson(`/api/documents/${ID}`);
  const links = toc(page).getByRole('link');
  assert.equal(await links.count(), doc.outline.length);
  assert.equal(await links.count(), 13);
  assert.equal(await links.nth(0).textContent(), 'Chương I NHỮNG QUY ĐỊNH CHUNG');
  assert.equal(await links.nth(3).textContent(), 'Điều 5 Nguyên tắc bảo hiểm xã hội');
  // The text is the document's, whole: the anchors add no characters.
  assert.equal(await page.locator('#doc-text').textContent(), doc.text.trim());

  await toc(page).getByRole('link', { name: /^Điều 16 / }).click();
  await until('Điều 16 at the top of the window', () => atTop(page, 'dieu-16'));
  assert.equal(new URL(page.url()).hash, '#dieu-16');
  assert.equal(await page.locator('#dieu-16').textContent(), 'Điều 16');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'dieu-16');
  await toc(page).getByRole('link', { name: /^Chương II / }).click();
  await until('Chương II at the top of the window', () => atTop(page, 'chuong-ii'));
  await shot(page, 'reading-toc');
}

async function searchedWords(page) {
  await page.goto(DOC_URL);
  await waitForDoc(page);
  const { matches } = await apiJson(`/api/documents/${ID}?q=bao+hiem`);
  const n = matches.length;
  const count = page.locator('#doc-find-count');
  const current = page.locator('#doc-text mark.doc-match.is-current');
  await until('the counter 1/N', async () => (await count.textContent()) === `1/${n}`);
  assert.equal(await current.textContent(), 'BẢO HIỂM');
  assert.ok(await page.locator('#doc-text mark.doc-match').count() >= n);

  const next = page.getByRole('button', { name: 'Chỗ sau' });
  const previous = page.getByRole('button', { name: 'Chỗ trước' });
  await next.click();
  assert.equal(await count.textContent(), `2/${n}`);
  assert.equal(await current.textContent(), 'Bảo hiểm');
  await previous.click();
  await previous.click();
  assert.equal(await count.textContent(), `${n}/${n}`, 'previous from the first goes to the last');
  await until('the last mark in view', () => current.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }));
  await shot(page, 'reading-marks');
}

async function deepLink(page) {
  await page.goto(`${BASE_URL}/?doc=${ID}#dieu-21`);
  await waitForDoc(page);
  await until('Điều 21 at the top of the window', () => atTop(page, 'dieu-21'));
  assert.ok(await page.evaluate(() => window.scrollY) > 0);
  // No search: no marks, no bar; the contents start closed on a phone.
  assert.equal(await page.locator('#doc-find').isVisible(), false);
  const summary = toc(page).locator('summary');
  assert.equal(await summary.textContent(), 'Mục lục (13 mục)');
  await summary.click();
  await toc(page).getByRole('link', { name: /^Điều 1 / }).click();
  await until('Điều 1 at the top of the window', () => atTop(page, 'dieu-1'));
  await assertNoHorizontalScroll(page, 'reading 360px');
  await shot(page, 'reading-phone');
}
