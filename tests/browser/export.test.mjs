/*
 * Exports: "Xuất CSV" and "Xuất Word" on the search results (with the
 * query and filters of the page) and on a directive's page (its citing
 * documents and its implementation list), clicked as a user does, each
 * download caught and read: the CSV starts with a UTF-8 BOM and holds the
 * Vietnamese of the answer, the DOCX is a zip. 1100 px.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { apiJson, BASE_URL, check, statusLine, until, WIDE, withPage } from './lib.mjs';

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('export: the search results download as CSV (BOM, Vietnamese) with the page\'s filters',
      () => searchCsv(page));
    await check('export: the search results download as a Word file (a zip)', () => searchDocx(page));
    await check('export: a directive\'s citing documents and implementation list download', () => directive(page));
  });
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Clicks `link`, waits for the download it starts, and returns its name and bytes. */
async function download(page, link) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const failure = await file.failure();
  assert.equal(failure, null, `download failed: ${failure}`);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

const searched = (page) => until('the search status', async () => {
  const t = ((await statusLine(page).textContent()) || '').trim();
  return t.startsWith('Tìm thấy') ? t : false;
});

/** The CSV's records (without the BOM), split naively: enough for the rows' first cells. */
function csvLines(bytes) {
  assert.ok(bytes.subarray(0, 3).equals(BOM), 'starts with a UTF-8 BOM');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'CRLF row ends');
  return text;
}

async function searchCsv(page) {
  const q = 'Chỉ thị 34-CT/TW';
  const type = 'Công văn';
  await page.goto(`${BASE_URL}/?${new URLSearchParams({ q, type })}`);
  await searched(page);
  const answer = await apiJson(`/api/search?${new URLSearchParams({ q, type, limit: '100' })}`);
  assert.ok(answer.total > 0, 'the filtered search finds something');
  const link = page.locator('#results-export').getByRole('link', { name: 'Xuất CSV' });
  const href = new URL(await link.getAttribute('href'), BASE_URL);
  assert.equal(href.searchParams.get('type'), type, 'the export carries the page\'s filter');
  const got = await download(page, link);
  assert.match(got.name, /\.csv$/);
  assert.ok(got.name.startsWith('Tìm kiếm - Chỉ thị 34-CT-TW'), got.name);
  const text = csvLines(got.bytes);
  assert.ok(text.startsWith('"Số, ký hiệu",Ngày,Cơ quan ban hành,Trích yếu,Đoạn trích\r\n'), text.slice(0, 80));
  assert.ok(text.includes('Chỉ thị'), 'holds "Chỉ thị"');
  for (const hit of answer.results) assert.ok(text.includes(hit.title), `holds "${hit.title}"`);
}

async function searchDocx(page) {
  await page.goto(`${BASE_URL}/?q=${encodeURIComponent('dân vận khéo')}`);
  await searched(page);
  const got = await download(page, page.locator('#results-export').getByRole('link', { name: 'Xuất Word' }));
  assert.match(got.name, /^Tìm kiếm - dân vận khéo\.docx$/);
  assert.equal(got.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip');
  assert.ok(got.bytes.includes(Buffer.from('word/document.xml')), 'with word/document.xml');
}

async function directive(page) {
  const d = await apiJson('/api/directives/34-CT%2FTW');
  await page.goto(`${BASE_URL}/?directive=${encodeURIComponent(d.key)}`);
  const citing = page.locator('#directive-citing');
  await citing.waitFor();
  const csv = await download(page, citing.getByRole('link', { name: 'Xuất CSV: các văn bản trích dẫn' }));
  assert.ok(csv.name.startsWith('Chỉ thị 34-CT-TW - văn bản trích dẫn'), csv.name);
  const text = csvLines(csv.bytes);
  for (const c of d.citing) assert.ok(text.includes(c.title), `holds "${c.title}"`);
  const docx = await download(page, citing.getByRole('link', { name: 'Xuất Word: các văn bản trích dẫn' }));
  assert.equal(docx.bytes.subarray(0, 2).toString('latin1'), 'PK');

  const tree = page.locator('#directive-implementation');
  await tree.waitFor();
  const impl = await download(page, tree.getByRole('link', { name: 'Xuất CSV: tổ chức thực hiện' }));
  assert.ok(impl.name.startsWith('Chỉ thị 34-CT-TW - tổ chức thực hiện'), impl.name);
  assert.ok(csvLines(impl.bytes).startsWith('Cấp,"Số, ký hiệu",Ngày,Cơ quan ban hành,Trích yếu,Quan hệ,Đoạn trích\r\n'));
}
