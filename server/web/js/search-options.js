/*
 * The order and date range of a search: "Sắp xếp" (phù hợp nhất, mới nhất,
 * cũ nhất) applies at once; "Từ ngày" / "Đến ngày" take dates as staff
 * write them (05/03/2020, 03/2020, 2020, or ISO) and go into the URL as
 * the API's from/to (2020-03-05, 2020-03, 2020).
 */
import { $, formatDate } from './dom.js';
import { navigate, saveScroll } from './nav.js';
import { isIsoDate, parseState, searchUrl } from './url.js';

const els = {
  form: $('search-options'),
  sort: $('sort'),
  from: $('date-from'),
  to: $('date-to'),
  error: $('date-error'),
};

/**
 * A date typed in a date field as the API's from/to value: '' for an
 * empty field, null when it is not a date.
 * "05/03/2020" → "2020-03-05", "3/2020" → "2020-03", "2020" → "2020".
 */
export function parseDateInput(text) {
  const v = String(text).trim();
  if (!v) return '';
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) {
    const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(v);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${m[1].padStart(2, '0')}` : null;
  if (/^\d{4}$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return isIsoDate(v) ? v : null;
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? v : null;
  return null;
}

function go(next) {
  saveScroll({ focusHref: null });
  navigate(searchUrl({ ...next, page: 1 }), { focus: 'heading' });
}

function showDateError(input, message) {
  els.error.textContent = message;
  els.error.hidden = !message;
  for (const el of [els.from, els.to]) el.removeAttribute('aria-invalid');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

function onSubmit(e) {
  e.preventDefault();
  const from = parseDateInput(els.from.value);
  const to = parseDateInput(els.to.value);
  if (from === null) return showDateError(els.from, `“${els.from.value.trim()}” không phải là ngày (Từ ngày).`);
  if (to === null) return showDateError(els.to, `“${els.to.value.trim()}” không phải là ngày (Đến ngày).`);
  showDateError(null, '');
  return go({ ...parseState(location.search), from, to, sort: els.sort.value });
}

/** Wires the sort select (applies at once) and the date form. */
export function init() {
  els.form.addEventListener('submit', onSubmit);
  els.sort.addEventListener('change', () => go({ ...parseState(location.search), sort: els.sort.value }));
}

/** Shows the order and the date range of `state`. */
export function show(state) {
  els.sort.value = state.sort || 'relevance';
  els.from.value = state.from ? formatDate(state.from) : '';
  els.to.value = state.to ? formatDate(state.to) : '';
  showDateError(null, '');
}
