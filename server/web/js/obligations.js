/*
 * Obligations and deadlines ("Việc cần làm", ?view=obligations): who is to
 * do what, and which report is due to whom by when, across the documents;
 * soonest deadline first. Filters by assignee and deadline dates; each
 * dated obligation, and the whole filtered list, exports to calendars as
 * iCalendar (/api/obligations.ics).
 */
import { api } from './api.js';
import {
  $, arr, badge, dateEl, h, isObj, metaLine, numberFmt, renderLinkPager, str, timeEl, toCount,
} from './dom.js';
import { navigate, saveScroll } from './nav.js';
import { finishRender, markBusy, showAlert } from './page.js';
import { docUrl, normalizeQuery, OBL_PAGE_SIZE, obligationsUrl } from './url.js';

const CALENDAR_FILE = 'vanban-viec-can-lam.ics';

const els = {
  view: $('obligations-view'),
  heading: $('obligations-heading'),
  form: $('obl-form'),
  assignee: $('obl-assignee'),
  from: $('obl-from'),
  to: $('obl-to'),
  reset: $('obl-reset'),
  status: $('obl-status'),
  exportAll: $('obl-export'),
  list: $('obl-list'),
  pager: $('obl-pager'),
};

/** Wires the filter form. */
export function init() {
  els.form.addEventListener('submit', onSubmit);
}

/** What /api/obligations accepts: YYYY, YYYY-MM or YYYY-MM-DD. */
const isDateBound = (s) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s);

function onSubmit(e) {
  e.preventDefault();
  const filters = {
    assignee: normalizeQuery(els.assignee.value),
    from: normalizeQuery(els.from.value),
    to: normalizeQuery(els.to.value),
  };
  for (const input of [els.from, els.to]) input.removeAttribute('aria-invalid');
  const bad = [[filters.from, els.from], [filters.to, els.to]].find(([v]) => v && !isDateBound(v));
  if (bad) {
    bad[1].setAttribute('aria-invalid', 'true');
    showAlert('Ngày phải có dạng năm, năm-tháng hoặc năm-tháng-ngày, ví dụ 2024, 2024-12 hoặc 2024-12-15.');
    bad[1].focus();
    return;
  }
  saveScroll({ focusHref: null });
  navigate(obligationsUrl(filters), { focus: 'heading' });
}

export async function show(state, signal) {
  document.title = 'Việc cần làm — vanban';
  const filters = { assignee: state.assignee, from: state.from, to: state.to };
  showFilters(filters);
  els.list.replaceChildren();
  els.pager.hidden = true;
  els.status.textContent = 'Đang tải danh sách…';
  markBusy(els.list);

  const params = filterParams(filters);
  const query = params.toString();
  els.exportAll.href = `/api/obligations.ics${query ? `?${query}` : ''}`;
  params.set('offset', String((state.page - 1) * OBL_PAGE_SIZE));
  params.set('limit', String(OBL_PAGE_SIZE));
  const data = await api(`/api/obligations?${params}`, signal);
  if (signal.aborted) return;

  const list = arr(data.obligations).filter(isObj);
  const total = toCount(data.total, list.length);
  els.status.textContent = statusText(total, filters);
  els.list.replaceChildren(...list.map(obligationCard));
  renderLinkPager(els.pager, state.page, Math.ceil(total / OBL_PAGE_SIZE),
    (page) => obligationsUrl({ ...filters, page }));
  finishRender(els.view, els.heading);
}

export function showError() {
  els.status.textContent = '';
  return null;
}

function filterParams(filters) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  return p;
}

function showFilters(filters) {
  els.assignee.value = filters.assignee;
  els.from.value = filters.from;
  els.to.value = filters.to;
  for (const input of [els.from, els.to]) input.removeAttribute('aria-invalid');
  els.reset.hidden = !(filters.assignee || filters.from || filters.to);
}

function statusText(total, filters) {
  const filtered = filters.assignee || filters.from || filters.to;
  if (total > 0) return `${filtered ? 'Tìm thấy' : 'Có'} ${numberFmt.format(total)} việc cần làm`;
  return filtered ? 'Không có việc nào khớp bộ lọc.' : 'Chưa có văn bản nào giao việc trong kho.';
}

function obligationCard(o) {
  const deadline = isObj(o.deadline) ? o.deadline : {};
  const date = str(deadline.date);
  const assignee = str(o.assignee);
  const li = h('li', { class: 'item obligation' },
    h('p', { class: 'obligation-deadline' }, deadlineLabel(date, str(deadline.text))),
    h('h3', { class: 'item-title' }, assignee || 'Báo cáo'),
    str(o.task) ? h('p', { class: 'item-text' }, str(o.task)) : null,
    str(o.recipient) ? h('p', { class: 'item-text' }, `Báo cáo gửi: ${str(o.recipient)}`) : null);
  const doc = isObj(o.document) ? o.document : {};
  li.append(metaLine([
    h('span', null, 'Văn bản: ', h('a', { href: docUrl(str(doc.id)), 'data-nav': 'doc' }, str(doc.title) || str(doc.id))),
    dateEl(doc.date),
    str(doc.issuer),
  ]));
  if (date && str(o.id)) {
    li.append(h('p', { class: 'action-line' },
      h('a', {
        class: 'btn btn-secondary',
        href: `/api/obligations.ics?${new URLSearchParams({ id: str(o.id) })}`,
        download: CALENDAR_FILE,
      }, 'Thêm vào lịch (.ics)')));
  }
  return li;
}

/** "Hạn 15/12/2023 · trước ngày 15/12/2023", or the deadline as printed, or none. */
function deadlineLabel(date, text) {
  if (date) return [badge('Có hạn', 'badge-strong'), ' Hạn ', timeEl(date), text ? ` — ${text}` : ''];
  if (text) return [badge('Định kỳ'), ` ${text}`];
  return [badge('Không ghi hạn')];
}
