/*
 * The document view: the full text from a result, its citation links, the
 * way back; an unknown document; a document full of markup (1100 px, under
 * the real CSP).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  apiJson, BASE_URL, check, CORPUS_DIR, expectBad, focused, gotoHome, resultItems, resultLinks, search,
  seedIds, shot, until, waitForCount, waitForDirective, waitForDoc, WIDE, withPage,
} from './lib.mjs';

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('b. a result opens the full document; its 34-CT/TW citation leads to the directive and its 5 citing documents',
      () => documentToDirective(page));
    await check('unknown document: a Vietnamese "not found" message, no script error', () => unknownDocument(page));
    await check('a document full of markup displays as text and runs nothing', () => markupAsText(page));
  });
}

async function documentToDirective(page) {
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
  await fullText(page, id);
  await page.getByRole('heading', { level: 3, name: 'Thông tin văn bản' }).waitFor();
  await originalFile(page, id);
  await shot(page, 'document');

  await citationToDirective(page);

  // History: back returns to the document, its back button to the results.
  await page.goBack();
  await waitForDoc(page, title);
  await page.getByRole('button', { name: 'Quay lại kết quả' }).click();
  assert.equal(await waitForCount(page), 2, 'the results again after "Quay lại kết quả"');
  assert.match(page.url(), /[?&]q=dan\+van\+kheo/);
}

/** "Tải bản gốc" links the file as indexed, byte for byte. */
async function originalFile(page, id) {
  const link = page.getByRole('link', { name: /^Tải bản gốc/ });
  assert.equal(await link.count(), 1, 'one "Tải bản gốc" link');
  const href = await link.getAttribute('href');
  assert.equal(decodeURIComponent(href), `/api/documents/${id}/original`);
  assert.ok(!href.slice('/api/documents/'.length, -'/original'.length).includes('/'), 'the id is one segment');
  const res = await fetch(`${BASE_URL}${href}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/plain');
  assert.match(res.headers.get('content-disposition') || '', /^inline; filename="[^"]+"; filename\*=UTF-8''/);
  if (CORPUS_DIR) {
    assert.equal(await res.text(), fs.readFileSync(path.join(CORPUS_DIR, id), 'utf8'), 'the original bytes');
  }
}

/** The full text: exactly the API's text (trimmed), and the corpus file's words. */
async function fullText(page, id) {
  const doc = await apiJson(`/api/documents/${encodeURIComponent(id)}`);
  const shown = await page.locator('#doc-text').textContent();
  assert.equal(shown, doc.text.trim(), 'the document view shows the whole text');
  if (CORPUS_DIR) {
    const file = fs.readFileSync(path.join(CORPUS_DIR, id), 'utf8');
    // The server strips Markdown marks ("**2.**", "#### ***Nơi nhận:***"; doc/markdown.h).
    const norm = (s) => s.replace(/^\uFEFF/, '').replace(/^ *#{1,6} /gm, '').replace(/\*/g, '')
      .replace(/\s+/g, ' ').trim();
    assert.equal(norm(shown), norm(file), `the text equals ${id} in the corpus`);
  }
}

/** Citation links in the text; the 34-CT/TW one goes to the directive page and its citing documents. */
async function citationToDirective(page) {
  const cite = page.locator('#doc-text').getByRole('link', { name: /34-CT\/TW/ }).first();
  assert.ok(await cite.count() > 0, 'a link on "34-CT/TW" in the document text');
  assert.match(await cite.getAttribute('href'), /[?&]directive=34-ct%2Ftw/i);
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
  // The list's links (the section also has its export links).
  const ids = (await citing.getByRole('list').getByRole('link').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('doc')))).sort();
  assert.equal(new Set(ids).size, 5, `five distinct citing documents: ${ids}`);
  if (seedIds.length) assert.deepEqual(ids, seedIds, 'the citing documents are the 5 seeds');
  // The citing sentences highlight the directive's symbol.
  const marks = await citing.locator('mark').allTextContents();
  assert.ok(marks.length >= 5 && marks.every((m) => m === '34-CT/TW'), `marks in citing sentences: ${JSON.stringify(marks)}`);
  await shot(page, 'directive-34-ct-tw');
}

async function unknownDocument(page) {
  expectBad.add('/api/documents/seeds%2Fno-such-file.txt');
  await page.goto(`${BASE_URL}/?doc=${encodeURIComponent('seeds/no-such-file.txt')}`);
  await until('the not-found heading', async () => (await page.locator('#doc-title').textContent()) === 'Không tìm thấy văn bản');
  assert.match(await page.getByRole('alert').textContent(), /Văn bản này không có trong kho/);
  await page.getByRole('link', { name: 'Về trang tìm kiếm' }).click();
  await until('the home page', async () => (await focused(page)).id === 'q');
}

async function markupAsText(page) {
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
}
