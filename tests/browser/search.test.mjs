/*
 * Search: the home page, a search with highlighted snippets, facets and
 * filter chips (1100 px, under the real CSP).
 */
import assert from 'node:assert/strict';
import {
  BASE_URL, chipList, check, facetPanel, focused, gotoHome, resultItems, resultLinks, search, searchBox,
  shot, statusLine, until, waitForCount, WIDE, withPage,
} from './lib.mjs';

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('home page loads, search box has an accessible label and focus', () => homeLoads(page));
    await check('a. unaccented "dan van kheo" finds 2 documents with "Dân vận khéo" highlighted',
      () => unaccentedSearch(page));
    await check('c. "thi đua": a year facet narrows the results, adds a removable chip; chips combine and clear',
      () => facetsAndChips(page));
  });
}

async function homeLoads(page) {
  await gotoHome(page);
  assert.equal(await page.title(), 'vanban — Tra cứu văn bản hành chính');
  assert.equal(await searchBox(page).count(), 1, 'one searchbox named "Từ khóa tìm kiếm"');
  assert.equal(await page.getByLabel('Từ khóa tìm kiếm').getAttribute('id'), 'q');
  assert.equal(await page.getByRole('search').count(), 1, 'a search landmark');
  await until('the search box to get focus on load', async () => (await focused(page)).id === 'q');
  await shot(page, 'home');
}

async function unaccentedSearch(page) {
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
  const firstTitle = ((await resultLinks(page).first().textContent()) || '').trim();
  const firstId = new URL(await resultLinks(page).first().getAttribute('href'), BASE_URL).searchParams.get('doc');
  assert.ok(firstTitle && firstId, 'the first result has a title link to a document');
  await shot(page, 'results-dan-van-kheo');
}

async function facetsAndChips(page) {
  await gotoHome(page);
  const total = await search(page, 'thi đua');
  assert.ok(total >= 2, `"thi đua" finds several documents (got ${total})`);
  assert.equal(await chipList(page).isVisible(), false, 'no filter chip before a facet is chosen');
  const facets = facetPanel(page);
  await facets.waitFor();
  for (const g of ['Loại văn bản', 'Cơ quan ban hành', 'Năm', 'Văn bản được trích dẫn nhiều']) {
    assert.equal(await facets.getByText(g, { exact: true }).count(), 1, `facet group "${g}"`);
  }
  const yearGroup = facets.locator('details').filter({ has: page.getByText('Năm', { exact: true }) });
  assert.equal(await yearGroup.evaluate((d) => d.open), true, 'facet groups are open on a wide screen');
  await yearFacet(page, yearGroup, total);
  await twoFilters(page, facets, yearGroup, total);
}

/** The year with the fewest documents (fewer than the total) filters to its count; its chip removes it. */
async function yearFacet(page, yearGroup, total) {
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
  assert.equal(await yearGroup.getByRole('link', { name: new RegExp(`${year}\\s*\\d+ văn bản, đang chọn`) }).getAttribute('aria-current'), 'true');
  await shot(page, 'facet-year');

  await chip.click();
  assert.equal(await waitForCount(page), total, 'removing the chip restores the count');
  await until('the chip list to disappear', async () => !(await chipList(page).isVisible()));
  assert.equal(new URL(page.url()).searchParams.get('from'), null);
}

/** A cited-directive facet, then a year on top: two chips and "Xóa tất cả bộ lọc". */
async function twoFilters(page, facets, yearGroup, total) {
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
}
