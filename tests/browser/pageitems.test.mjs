/*
 * Page items of issue 17: a result's identity and its file in a details
 * line, the sort select and the date range (in the URL), copy-link,
 * numbered pages, facet labels in display form, Vietnamese field labels
 * and source links, the campaign filter, and the suggestion for an
 * unaccented typo.
 */
import assert from 'node:assert/strict';
import {
  assertNoHorizontalScroll, BASE_URL, check, shot, expectBad, facetPanel, PHONE, resultItems, resultLinks, search,
  statusLine, until, waitForCount, waitForListStatus, WIDE, withPage,
} from './lib.mjs';

const identityOf = (item) => item.locator('.result-identity').textContent();

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: 'page items 1100px' }, async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    await check('g. a result shows type, symbol, date and issuer, its file in a details line; facets read "Chỉ thị 34-CT/TW", never a key',
      () => resultIdentity(page));
    await check('g. sort select (newest, oldest) and date range go into the URL; a bad date is refused',
      () => sortAndDates(page));
    await check('g. "Chép liên kết" copies the address and says "Đã chép"', () => copyLink(page));
    await check('g. unaccented typo "dan van khoe" suggests "dân vận khéo"', () => suggestion(page));
    await check('g. campaign list filter: "dan van kheo" finds "Dân vận khéo"', () => campaignFilter(page));
    await check('g. field labels are Vietnamese; only http(s) sources become links', () => fields(page));
  });
  await withPage(browser, { viewport: PHONE, label: 'page items 360px', phone: true }, async (page) => {
    await check('g. numbered pages 1 2 3 … 10, the current one aria-current, at 360 px without sideways scroll',
      () => numberedPages(page));
  });
}

async function resultIdentity(page) {
  await page.goto(`${BASE_URL}/?q=thi+%C4%91ua&sort=date_desc`);
  assert.ok(await waitForCount(page) >= 5);
  const first = resultItems(page).first();
  const headline = (await resultLinks(page).first().textContent()).trim();
  assert.ok(!/seeds\/|\.txt/.test(headline), `no file name in the headline: ${headline}`);
  assert.match(await identityOf(first), /29\/02\/2024/);
  const href = await resultLinks(page).first().getAttribute('href');
  const id = new URL(href, BASE_URL).searchParams.get('doc');
  assert.equal(await first.locator('.result-details code').textContent(), id);
  assert.match(await first.locator('.result-details').textContent(), /^Tệp: seeds\//);
  await shot(page, 'results-identity-sort');

  const group = facetPanel(page).locator('details[data-facet="directives"]');
  const labels = await group.locator('.facet-label').allTextContents();
  assert.ok(labels.includes('Chỉ thị 34-CT/TW'), JSON.stringify(labels));
  for (const l of labels) assert.ok(!/^[\d/a-z@-]+$/.test(l) && !l.includes('@'), `a key as a label: ${l}`);
}

async function sortAndDates(page) {
  await page.goto(`${BASE_URL}/?q=thi+%C4%91ua`);
  await waitForCount(page);
  const sort = page.getByLabel('Sắp xếp', { exact: true });
  assert.equal(await sort.inputValue(), 'relevance');
  await sort.selectOption({ label: 'Cũ nhất' });
  await until('sort=date_asc in the URL', () => page.url().includes('sort=date_asc'));
  await waitForCount(page);
  await until('the oldest first', async () => /03\/01\/2023/.test(await identityOf(resultItems(page).first())));
  await sort.selectOption({ label: 'Mới nhất' });
  await until('sort=date_desc in the URL', () => page.url().includes('sort=date_desc'));
  await until('the newest first', async () => /29\/02\/2024/.test(await identityOf(resultItems(page).first())));

  const from = page.getByLabel('Từ ngày', { exact: true });
  await from.fill('32/13/2024');
  await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
  await until('the date error', async () => /không phải là ngày \(Từ ngày\)/.test(await page.locator('#date-error').textContent()));
  assert.equal(await from.getAttribute('aria-invalid'), 'true');
  assert.ok(!page.url().includes('from='), 'a bad date does not go into the URL');

  await from.fill('01/01/2024');
  await page.getByRole('button', { name: 'Lọc theo ngày' }).click();
  await until('from=2024-01-01 in the URL', () => page.url().includes('from=2024-01-01'));
  assert.equal(await waitForCount(page), 1);
  assert.ok(page.url().includes('sort=date_desc'), 'the order stays');
  assert.equal(await from.inputValue(), '01/01/2024');
  assert.match(await statusLine(page).textContent(), /^Tìm thấy 1 văn bản/);

  expectBad.add('from=x');
  const res = await fetch(`${BASE_URL}/api/search?q=a&from=x`);
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error, 'from must be a date: YYYY, YYYY-MM or YYYY-MM-DD');
}

async function copyLink(page) {
  await page.goto(`${BASE_URL}/?q=dan+van+kheo&sort=date_asc`);
  await waitForCount(page);
  await page.locator('#results-view').getByRole('button', { name: 'Chép liên kết' }).click();
  await until('"Đã chép"', async () => (await page.locator('#results-view [data-copy-status]').textContent()) === 'Đã chép');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
}

async function suggestion(page) {
  await page.goto(`${BASE_URL}/`);
  await search(page, 'dan van khoe');
  const link = page.locator('#suggestion a');
  assert.equal(await link.textContent(), 'dân vận khéo');
  await link.click();
  assert.equal(await waitForCount(page), 2);
}

async function campaignFilter(page) {
  await page.goto(`${BASE_URL}/?view=campaigns`);
  const all = await waitForListStatus(page, 'camp-status');
  const box = page.getByRole('searchbox', { name: 'Tìm phong trào' });
  await box.fill('dan van kheo');
  await until('one campaign left', async () => (await page.locator('#camp-list > li').count()) === 1);
  assert.equal((await page.locator('#camp-list h3').first().textContent()).trim(), 'Dân vận khéo');
  assert.ok(page.url().includes('q=dan+van+kheo'), page.url());
  assert.match(await page.locator('#camp-status').textContent(), /^1 trong \d+ phong trào thi đua khớp/);
  await page.reload();
  await until('the filter kept on reload', async () => (await page.locator('#camp-list > li').count()) === 1);
  assert.equal(await box.inputValue(), 'dan van kheo');
  await box.fill('');
  await until('the whole list again', async () => (await page.locator('#camp-status').textContent()) === all);
}

/** fields.js in the page (on the server's origin, as the previous checks leave it). */
async function fields(page) {
  const r = await page.evaluate(async () => {
    const { fieldLabel, fieldRows, linkOrText } = await import('/js/fields.js');
    const link = linkOrText('https://congbao.chinhphu.vn/van-ban/30-2020-nd-cp');
    const rows = fieldRows({ topic: 'Hành chính', url: 'javascript:alert(1)', page_starts: '0,10' });
    return {
      labels: ['topic', 'url', 'source', 'given_title', 'law', 'article'].map(fieldLabel),
      tag: link.tagName, rel: link.rel, href: link.href,
      unsafe: ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.vn/a'].map((v) => typeof linkOrText(v)),
      rows: rows.map(([label, v]) => [label, typeof v]),
    };
  });
  assert.deepEqual(r.labels, ['Chủ đề', 'Đường dẫn gốc', 'Nguồn', 'Tiêu đề gốc', 'Luật', 'Điều']);
  assert.equal(r.tag, 'A');
  assert.equal(r.rel, 'noopener noreferrer');
  assert.equal(r.href, 'https://congbao.chinhphu.vn/van-ban/30-2020-nd-cp');
  assert.deepEqual(r.unsafe, ['string', 'string', 'string']);
  assert.deepEqual(r.rows, [['Chủ đề', 'string'], ['Đường dẫn gốc', 'string']]);
}

/** The corpus has one page of results: the answer is told it has 95. */
async function numberedPages(page) {
  await page.route('**/api/search?*', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    await route.fulfill({ response: res, json: { ...body, total: 95 } });
  });
  await page.goto(`${BASE_URL}/?q=thi+%C4%91ua`);
  await waitForCount(page);
  const pager = page.getByRole('navigation', { name: 'Phân trang kết quả' });
  const numbers = async () => (await pager.locator('.page-numbers li').allTextContents()).join(' ');
  assert.equal(await numbers(), '1 2 3 … 10');
  assert.equal(await pager.locator('[aria-current="page"]').textContent(), '1');
  await assertNoHorizontalScroll(page, 'numbered pages');
  await pager.getByRole('link', { name: 'Trang 10' }).click();
  await until('page=10 in the URL', () => page.url().includes('page=10'));
  await until('page 10 current', async () => (await pager.locator('[aria-current="page"]').textContent()) === '10');
  assert.equal(await numbers(), '1 … 8 9 10');
  await shot(page, 'numbered-pages');
  await assertNoHorizontalScroll(page, 'numbered pages, last');
}
