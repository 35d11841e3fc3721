/*
 * Status, relations and implementation chains (issue 13) at 1100 px under
 * the real CSP: the 34-CT/TW page shows its status badge with the reason,
 * the seeds that carry it out, and its implementation tree 34-CT/TW → 001 →
 * 000; the "as of" date reloads the status; the "Còn hiệu lực" filter
 * narrows the directive list and the search. Expected values come from the
 * API, so the test follows the corpus.
 */
import assert from 'node:assert/strict';
import {
  apiJson, BASE_URL, check, chipList, until, waitForCount, waitForDirective, waitForListStatus, WIDE, withPage,
} from './lib.mjs';

const KEY = '34-ct/tw@2014-04-07';
const PROVINCE_PLAN = 'seeds/001_a09f608bfb9e07f5.txt'; // Công văn of the UBND tỉnh Lai Châu
const SO_LETTER = 'seeds/000_ddb1ffae0c6ba085.txt';    // the Sở's letter acting on it

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: 'relations 1100px' }, async (page) => {
    await check('relations: 34-CT/TW shows "Còn hiệu lực" with its reason, "Được thực hiện bởi" the seeds, the tree 34-CT/TW → 001 → 000',
      () => directivePage(page));
    await check('relations: "Tình trạng tại ngày" reloads the status as of that date', () => asOfDate(page));
    await check('relations: the "Còn hiệu lực" filter narrows the directive list and the search', async () => {
      await directiveListFilter(page);
      await searchFilter(page);
    });
  });
}

const region = (page, name) => page.getByRole('region', { name });

async function directivePage(page) {
  const api = await apiJson(`/api/directives/${encodeURIComponent(KEY)}`);
  await page.goto(`${BASE_URL}/?directive=${encodeURIComponent(KEY)}`);
  assert.equal(await waitForDirective(page), 'Chỉ thị 34-CT/TW');

  const status = region(page, 'Tình trạng hiệu lực');
  assert.equal(await status.locator('.badge-status').textContent(), 'Còn hiệu lực');
  assert.equal(await status.locator('.status-reason').textContent(), api.status.reason);
  assert.match(api.status.reason, /chưa phát hiện văn bản thay thế trong kho/);

  const implementers = api.relations.incoming.filter((e) => e.type === 'implements');
  const group = region(page, 'Quan hệ với văn bản khác')
    .getByRole('list', { name: `Được thực hiện bởi (${implementers.length})` });
  const links = await group.getByRole('link').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('doc')));
  assert.deepEqual(links.sort(), implementers.map((e) => e.id).sort());
  assert.ok(links.includes(PROVINCE_PLAN) && links.includes(SO_LETTER));
  // Each link opens the stating document at the sentence.
  const first = new URL(await group.getByRole('link').first().getAttribute('href'), BASE_URL);
  assert.match(first.searchParams.get('hl') || '', /^\d+-\d+$/);

  await implementationTree(page, api);
}

/** 001 is a child of the root; its details, closed at first, hold 000. */
async function implementationTree(page, api) {
  const tree = region(page, 'Tổ chức thực hiện');
  const top = api.implementation.children.map((n) => n.id).sort();
  const shown = await tree.locator(':scope > ul.impl-tree > li > .entry-title a')
    .evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('doc')));
  assert.deepEqual(shown.sort(), top);
  assert.ok(!top.includes(SO_LETTER), '000 hangs under 001, not under the root');

  const node = tree.locator('li.impl-node').filter({ has: page.locator(`a[href*="${encodeURIComponent(PROVINCE_PLAN)}"]`) }).first();
  const details = node.locator(':scope > details');
  const inner = details.locator(`a[href*="${encodeURIComponent(SO_LETTER)}"]`);
  assert.equal(await details.evaluate((d) => d.open), false, 'the tree starts closed');
  assert.equal(await inner.isVisible(), false);
  await details.locator(':scope > summary').click();
  await inner.waitFor({ state: 'visible' });
  assert.match(await node.locator(':scope > .meta').textContent(), /Ủy ban nhân dân tỉnh Lai Châu/);
  assert.match(await details.locator(':scope > blockquote').textContent(), /34-CT\/TW/);
}

async function asOfDate(page) {
  const api = await apiJson(`/api/directives/${encodeURIComponent(KEY)}?as_of=2010-01-01`);
  const form = page.getByRole('form', { name: 'Xem tình trạng tại một ngày' });
  await form.getByLabel('Tình trạng tại ngày').fill('2010-01-01');
  await form.getByRole('button', { name: 'Xem' }).click();
  await until('as_of in the URL', () => new URL(page.url()).searchParams.get('as_of') === '2010-01-01');
  await waitForDirective(page);
  const status = region(page, 'Tình trạng hiệu lực');
  await until('the status as of 2010', async () => (await status.locator('.status-reason').textContent()) === api.status.reason);
  assert.equal(await status.locator('.badge-status').textContent(), 'Chưa rõ hiệu lực');
  assert.match(await status.locator('.status-as-of').textContent(), /01\/01\/2010/);
}

async function directiveListFilter(page) {
  const all = await apiJson('/api/directives?limit=1');
  const inForce = await apiJson('/api/directives?limit=1&status=in_force');
  assert.ok(inForce.total < all.total, `in force (${inForce.total}) fewer than all (${all.total})`);
  await page.goto(`${BASE_URL}/?view=directives`);
  assert.equal(await waitForListStatus(page, 'dir-status'), `Có ${all.total} văn bản chỉ đạo`);
  const form = page.getByRole('form', { name: 'Lọc văn bản chỉ đạo' });
  await form.getByLabel('Hiệu lực').selectOption('in_force');
  await form.getByRole('button', { name: 'Lọc' }).click();
  await until('status in the URL', () => new URL(page.url()).searchParams.get('status') === 'in_force');
  assert.equal(await waitForListStatus(page, 'dir-status'), `Tìm thấy ${inForce.total} văn bản chỉ đạo`);
  const badges = await page.locator('#dir-list .badge-status').allTextContents();
  assert.ok(badges.length > 0 && badges.every((b) => b === 'Còn hiệu lực'), `badges: ${badges}`);
}

async function searchFilter(page) {
  const inForce = await apiJson('/api/search?q=&status=in_force&limit=1');
  await page.goto(`${BASE_URL}/?view=search`);
  await waitForCount(page);
  await page.getByRole('complementary', { name: 'Lọc kết quả' }).getByRole('link', { name: /^Còn hiệu lực/ }).click();
  await until('status in the URL', () => new URL(page.url()).searchParams.get('status') === 'in_force');
  assert.equal(await waitForCount(page), inForce.total);
  await chipList(page).getByRole('link', { name: 'Hiệu lực: Còn hiệu lực — bỏ bộ lọc này' }).waitFor();
}
