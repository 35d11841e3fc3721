/*
 * The keyboard: Tab order from the page start, the skip link (1100 px,
 * under the real CSP).
 */
import assert from 'node:assert/strict';
import {
  BASE_URL, check, focused, focusPageStart, gotoHome, resultLinks, tabUntil, until, waitForCount, waitForDoc,
  WIDE, withPage,
} from './lib.mjs';

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('e. keyboard: Tab from the page start reaches the search box (home) and the first result link (results)',
      () => tabOrder(page));
  });
}

async function tabOrder(page) {
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
  const firstTitle = ((await resultLinks(page).first().textContent()) || '').trim();
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
}
