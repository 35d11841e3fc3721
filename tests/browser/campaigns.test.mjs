/*
 * Emulation campaigns: the list, the page of one campaign and its way to
 * a document and back, an unknown id. 1100 px, under the real CSP.
 */
import assert from 'node:assert/strict';
import {
  apiJson, BASE_URL, check, expectBad, focused, until, waitForDetail, waitForDoc, waitForListStatus, WIDE, withPage,
} from './lib.mjs';

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('campaign list: every campaign of the API; "Dân vận khéo" opens its page with its 2 documents',
      () => listToCampaign(page));
    await check('unknown campaign: a Vietnamese "not found" message and a link to the list', () => unknownCampaign(page));
  });
}

const waitForList = (page) => waitForListStatus(page, 'camp-status');

async function listToCampaign(page) {
  const { total } = await apiJson('/api/campaigns');
  await page.goto(`${BASE_URL}/?view=campaigns`);
  assert.equal(await waitForList(page), `Có ${total} phong trào thi đua`);
  assert.equal(await page.title(), 'Phong trào thi đua — vanban');
  assert.equal(await page.locator('#camp-list > li.item').count(), total);

  await page.locator('#camp-list').getByRole('link', { name: 'Dân vận khéo', exact: true }).click();
  assert.equal(await waitForDetail(page, 'campaign'), 'Dân vận khéo');
  assert.equal(new URL(page.url()).searchParams.get('campaign'), 'dan-van-kheo');
  assert.equal((await focused(page)).id, 'campaign-title', 'focus moves to the campaign heading');
  assert.equal(await page.locator('#campaign-meta').textContent(), '2 văn bản · 1 cách gọi');
  const docs = page.getByRole('region', { name: 'Văn bản (2)' });
  const ids = await docs.getByRole('link').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('doc')));
  const expected = (await apiJson('/api/campaigns/dan-van-kheo')).documents.map((d) => d.id);
  assert.deepEqual(ids.sort(), expected.sort());

  // A document lists the campaign; the browser's back returns to the campaign.
  await docs.getByRole('link').first().click();
  await waitForDoc(page);
  const campaigns = page.getByRole('region', { name: /^Phong trào thi đua/ });
  assert.equal(await campaigns.getByRole('link', { name: 'Dân vận khéo', exact: true }).count(), 1);
  assert.equal(await page.locator('#back-label').textContent(), 'Quay lại phong trào thi đua');
  await page.getByRole('button', { name: 'Quay lại phong trào thi đua' }).click();
  assert.equal(await waitForDetail(page, 'campaign'), 'Dân vận khéo');
}

async function unknownCampaign(page) {
  expectBad.add('/api/campaigns/khong-co-phong-trao-nay');
  await page.goto(`${BASE_URL}/?campaign=khong-co-phong-trao-nay`);
  await until('the not-found heading',
    async () => (await page.locator('#campaign-title').textContent()) === 'Không tìm thấy phong trào thi đua');
  assert.match(await page.getByRole('alert').textContent(), /Không có phong trào thi đua nào với mã này/);
  await page.getByRole('link', { name: 'Xem danh sách phong trào thi đua' }).click();
  await waitForList(page);
}
