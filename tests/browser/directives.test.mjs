/*
 * Cited directives: the list (most cited first, pages, the filter form),
 * the page of one directive with its citing documents as a search, and an
 * unknown key. 1100 px, under the real CSP. The way from a document's
 * citation to its directive is in document.test.mjs.
 */
import assert from 'node:assert/strict';
import {
  apiJson, BASE_URL, check, chipList, expectBad, focused, until, waitForCount, waitForDirective, waitForListStatus, WIDE,
  withPage,
} from './lib.mjs';

const LIST_PAGE_SIZE = 20; // the page's directives per page (DIR_PAGE_SIZE in server/web/js/url.js)

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('directives: most cited first, a second page, the filter form, a directive\'s 5 citing documents as a search',
      async () => {
        await listAndPages(page);
        await filterForm(page);
        await directiveToSearch(page);
      });
    await check('a directive whose undated mentions count as it says so in words, not as a key', () => undatedAlias(page));
    await check('unknown directive: a Vietnamese "not found" message and a link to the list', () => unknownDirective(page));
  });
}

const cards = (page) => page.locator('#dir-list > li.item');

const waitForList = (page) => waitForListStatus(page, 'dir-status');

async function listAndPages(page) {
  const { total } = await apiJson(`/api/directives?limit=${LIST_PAGE_SIZE}`);
  assert.ok(total > LIST_PAGE_SIZE, `more directives (${total}) than one page`);
  await page.goto(`${BASE_URL}/?view=directives`);
  assert.equal(await waitForList(page), `Có ${total} văn bản chỉ đạo`);
  assert.equal(await page.title(), 'Văn bản chỉ đạo — vanban');
  assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Văn bản chỉ đạo' }).getAttribute('aria-current'), 'page');
  assert.equal(await cards(page).count(), LIST_PAGE_SIZE);
  const first = cards(page).first();
  assert.equal((await first.getByRole('heading', { level: 3 }).textContent()).trim(), 'Chỉ thị 34-CT/TW');
  assert.match(await first.textContent(), /Được trích dẫn bởi 5 văn bản/);

  const pager = page.getByRole('navigation', { name: 'Phân trang văn bản chỉ đạo' });
  assert.match(await pager.textContent(), /Trang 1 \/ 2/);
  await pager.getByRole('link', { name: 'Trang sau' }).click();
  await until('the second page', async () => /Trang 2 \/ 2/.test(await pager.textContent()));
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  assert.equal(await cards(page).count(), total - LIST_PAGE_SIZE);
  // "Trang sau" is no link on the last page: focus goes to the heading.
  assert.equal((await focused(page)).id, 'directives-heading');
}

/** A symbol narrows the list to its directive; a year that is not four digits is refused in place. */
async function filterForm(page) {
  const form = page.getByRole('form', { name: 'Lọc văn bản chỉ đạo' });
  await form.getByLabel('Số hiệu hoặc trích yếu').fill('34-CT/TW');
  await form.getByRole('button', { name: 'Lọc' }).click();
  await until('the filter in the URL', () => new URL(page.url()).searchParams.get('q') === '34-CT/TW');
  assert.equal(await waitForList(page), 'Tìm thấy 1 văn bản chỉ đạo');
  assert.equal(await cards(page).count(), 1);
  assert.equal(new URL(page.url()).searchParams.get('page'), null, 'a new filter starts on page 1');
  assert.equal(await form.getByRole('link', { name: 'Xóa bộ lọc' }).isVisible(), true);

  const url = page.url();
  const year = form.getByLabel('Năm ban hành');
  await year.fill('20x3');
  await form.getByRole('button', { name: 'Lọc' }).click();
  assert.equal(await page.getByRole('alert').textContent(), 'Năm ban hành phải gồm 4 chữ số, ví dụ 2023.');
  assert.equal(await year.getAttribute('aria-invalid'), 'true');
  assert.equal((await focused(page)).id, 'dir-year', 'focus goes to the year field');
  assert.equal(page.url(), url, 'no navigation');
}

async function directiveToSearch(page) {
  await cards(page).first().getByRole('link').click();
  assert.equal(await waitForDirective(page), 'Chỉ thị 34-CT/TW');
  assert.equal(new URL(page.url()).searchParams.get('directive'), '34-ct/tw@2014-04-07');
  assert.equal(await page.title(), 'Chỉ thị 34-CT/TW — Văn bản chỉ đạo — vanban');
  const crumb = page.getByRole('navigation', { name: 'Vị trí' }).locator('[aria-current="page"]');
  assert.equal(await crumb.textContent(), 'Chỉ thị 34-CT/TW');
  await page.getByRole('link', { name: 'Tìm các văn bản trích dẫn' }).click();
  assert.equal(await waitForCount(page), 5);
  assert.equal(new URL(page.url()).searchParams.get('cites'), '34-ct/tw@2014-04-07');
  await chipList(page).getByRole('link', { name: 'Trích dẫn: Chỉ thị 34-CT/TW — bỏ bộ lọc này' }).waitFor();
}

/** The seeds date every mention of 34-CT/TW: the answer is told an undated one was folded in. */
async function undatedAlias(page) {
  await page.route('**/api/directives/34-ct*', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, json: { ...(await res.json()), aliases: ['34-ct/tw'] } });
  });
  await page.goto(`${BASE_URL}/?directive=${encodeURIComponent('34-ct/tw@2014-04-07')}`);
  assert.equal(await waitForDirective(page), 'Chỉ thị 34-CT/TW');
  const meta = page.locator('#directive-meta');
  const labels = await meta.locator('dt').allTextContents();
  const values = await meta.locator('dd').allTextContents();
  const at = labels.indexOf('Trích dẫn không ghi ngày');
  assert.ok(at >= 0, `a row for undated mentions among ${labels.join(', ')}`);
  assert.equal(values[at], 'Các trích dẫn “34-CT/TW” không ghi ngày ban hành cũng được tính là văn bản này');
  assert.ok(!(await meta.textContent()).includes('34-ct/tw'), 'no raw key');
  await page.unroute('**/api/directives/34-ct*');
}

async function unknownDirective(page) {
  expectBad.add('/api/directives/99-ct%2Fxx');
  await page.goto(`${BASE_URL}/?directive=${encodeURIComponent('99-ct/xx')}`);
  await until('the not-found heading',
    async () => (await page.locator('#directive-title').textContent()) === 'Không tìm thấy văn bản chỉ đạo');
  assert.match(await page.getByRole('alert').textContent(), /Không có văn bản chỉ đạo nào với số hiệu này/);
  assert.equal((await focused(page)).id, 'directive-title');
  assert.equal(await page.title(), 'Không tìm thấy văn bản chỉ đạo — vanban');
  await page.getByRole('link', { name: 'Xem danh sách văn bản chỉ đạo' }).click();
  await waitForList(page);
}
