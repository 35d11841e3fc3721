/*
 * "Việc cần làm": the list of obligations of the API, the assignee filter,
 * and the calendar export fetched by the page and parsed back (RFC 5545:
 * CRLF lines, folded lines unfolded, a VCALENDAR). 1100 px.
 */
import assert from 'node:assert/strict';
import { apiJson, BASE_URL, check, until, WIDE, withPage } from './lib.mjs';

export default async function run({ browser }) {
  await withPage(browser, { viewport: WIDE, label: '1100px' }, async (page) => {
    await check('obligations: the list of the API; filtering by "văn phòng sở" keeps its tasks',
      () => listAndFilter(page));
    await check('obligations: the .ics export is an iCalendar that parses back', () => calendar(page));
  });
}

const statusText = (page) => until('the obligations status', async () => {
  const t = ((await page.locator('#obl-status').textContent()) || '').trim();
  return t && !t.startsWith('Đang tải') ? t : false;
});

async function listAndFilter(page) {
  const all = await apiJson('/api/obligations');
  await page.goto(`${BASE_URL}/?view=obligations`);
  assert.equal(await statusText(page), `Có ${all.total} việc cần làm`);
  assert.equal(await page.locator('#obl-list > li').count(), Math.min(all.total, 20));

  const office = await apiJson('/api/obligations?assignee=v%C4%83n%20ph%C3%B2ng%20s%E1%BB%9F');
  await page.getByLabel('Đơn vị thực hiện').fill('văn phòng sở');
  await page.getByLabel('Lọc việc cần làm').getByRole('button').first().click();
  assert.equal(await until('the filtered status', async () => {
    const t = await statusText(page);
    return t.startsWith('Tìm thấy') ? t : false;
  }), `Tìm thấy ${office.total} việc cần làm`);
  assert.equal(new URL(page.url()).searchParams.get('assignee'), 'văn phòng sở');
}

/** RFC 5545 3.1: lines end in CRLF; a line starting with a space continues the previous one. */
function unfold(ics) {
  assert.ok(ics.endsWith('\r\n'), 'CRLF line ends');
  assert.ok(!/[^\r]\n/.test(ics), 'no bare LF');
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

async function calendar(page) {
  await page.goto(`${BASE_URL}/?view=obligations`);
  await statusText(page);
  const href = await page.locator('#obl-export').getAttribute('href');
  const got = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), body: await r.text() };
  }, href);
  assert.equal(got.type, 'text/calendar; charset=utf-8');
  assert.match(got.disposition, /^attachment; filename="vanban-viec-can-lam\.ics"$/);
  const lines = unfold(got.body);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  const dated = (await apiJson('/api/obligations?limit=200')).obligations.filter((o) => o.deadline.date);
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, dated.length);
}
