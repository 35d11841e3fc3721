/*
 * Layout at phone width (360 px, under the real CSP): no view scrolls
 * sideways; facet groups start closed.
 */
import assert from 'node:assert/strict';
import {
  assertNoHorizontalScroll, check, chipList, facetPanel, gotoHome, PHONE, resultLinks, search, shot,
  waitForCount, waitForDirective, waitForDoc, withPage,
} from './lib.mjs';

export default async function run({ browser }) {
  await withPage(browser, { viewport: PHONE, label: '360px', phone: true }, async (mobile) => {
    await check('d. 360 px: home, results, document, directive and filtered results have no horizontal scroll', async () => {
      const overflows = [];
      await searchToDirective(mobile, overflows);
      await filteredResults(mobile, overflows);
      assert.deepEqual(overflows, [], `horizontal scroll at ${PHONE.width} px:\n${overflows.join('\n')}`);
    });
  });
}

async function searchToDirective(mobile, overflows) {
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
  await mobile.locator('#directive-implementation details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  await assertNoHorizontalScroll(mobile, 'directive', overflows);
  await shot(mobile, 'directive-34-ct-tw');
}

/** Facet groups start closed on a narrow screen: open "Năm" and pick a year. */
async function filteredResults(mobile, overflows) {
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
}
