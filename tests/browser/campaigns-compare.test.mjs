/*
 * Documents side by side: the annual movements of 2023 (seed 003, Tây
 * Ninh) and 2024 (seed 004, Sở Công Thương Lai Châu), which share no
 * campaign, by ?compare=; and the campaign "chung tay vì người nghèo"
 * whose page compares its documents. Rows and columns are the API's.
 * 1100 px, under the real CSP.
 */
import assert from 'node:assert/strict';
import { apiJson, BASE_URL, check, waitForDetail, WIDE, withPage } from './lib.mjs';

const SEED_003 = 'seeds/003_bf467de301be45ad.txt';
const SEED_004 = 'seeds/004_39b0106687e293f0.txt';
const IDS = encodeURIComponent(`${SEED_003},${SEED_004}`);

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('compare 003 and 004: two columns, one row per task of the API, the shared task on one row',
      () => compareTwo(page));
    await check('campaign "chung tay vì người nghèo": its page shows the comparison of its documents',
      () => campaignComparison(page));
  });
}

async function compareTwo(page) {
  const api = await apiJson(`/api/compare?ids=${IDS}`);
  await page.goto(`${BASE_URL}/?compare=${IDS}`);
  assert.equal(await waitForDetail(page, 'compare'), 'So sánh 2 văn bản');
  const table = page.getByRole('region', { name: 'Bảng so sánh nội dung' }).locator('table');
  assert.equal(await table.locator('thead th').count(), 2);
  assert.equal(await table.locator('tbody tr').count(), api.rows.length);
  const shared = api.rows.findIndex((r) => r.cells.every((c) => c !== null));
  assert.ok(shared >= 0, 'the API aligns one task of both documents');
  const cells = table.locator('tbody tr').nth(shared).locator('td');
  assert.match(await cells.nth(0).textContent(), /Tiếp tục quán triệt/);
  assert.match(await cells.nth(1).textContent(), /Tiếp tục quán triệt/);
}

async function campaignComparison(page) {
  const { campaigns } = await apiJson('/api/campaigns');
  const poor = campaigns.find((c) => /chung tay vì người nghèo/i.test(c.name));
  assert.ok(poor, 'the seeds name the campaign');
  const detail = await apiJson(`/api/campaigns/${encodeURIComponent(poor.id)}`);
  assert.ok(detail.comparison, 'the API compares its documents');
  await page.goto(`${BASE_URL}/?campaign=${encodeURIComponent(poor.id)}`);
  await waitForDetail(page, 'campaign');
  const rows = page.getByRole('region', { name: 'Bảng so sánh nội dung' }).locator('tbody tr');
  assert.equal(await rows.count(), detail.comparison.rows.length);
}
