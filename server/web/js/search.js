/*
 * The search results view: status line, suggestion, results with their
 * snippets, numbered pages, facets and the chips of the active filters;
 * the order and date range are search-options.js.
 */
import { api, cachedSearch, cacheSearch } from './api.js';
import { $, docIdEl, exportLinks, formatDate, h, metaParts, msFmt, numberFmt, str, timeEl, toCount, typeAndSymbol } from './dom.js';
import { finishRender, markBusy } from './page.js';
import { renderNumberedPager } from './pages.js';
import { STATUS_LABELS, statusBadge } from './relations.js';
import * as searchOptions from './search-options.js';
import { directiveLabels } from './state.js';
import {
  docUrl, EXACT_TOTAL_UP_TO, hasFilters, isYear, MAX_PAGE, normalizeQuery, PAGE_SIZE, parseState,
  SEARCH_FILTERS, searchExportUrl, searchUrl,
} from './url.js';

const els = {
  view: $('results-view'),
  heading: $('results-heading'),
  status: $('status'),
  export: $('results-export'),
  activeFilters: $('active-filters'),
  chips: $('filter-chips'),
  facets: $('facets'),
  facetGroups: $('facet-groups'),
  suggestion: $('suggestion'),
  relaxed: $('relaxed'),
  results: $('results'),
  pager: $('pager'),
};

/** Facet group open/closed state chosen by the user during this visit. */
const facetOpen = new Map();
const wideScreen = window.matchMedia('(min-width: 50em)');

/** Wires the order and date range controls. */
export function init() {
  searchOptions.init();
}

function searchApiPath(state) {
  const params = new URLSearchParams({
    q: state.q,
    offset: String((state.page - 1) * PAGE_SIZE),
    limit: String(PAGE_SIZE),
  });
  for (const k of SEARCH_FILTERS) if (state[k]) params.set(k, state[k]);
  if (state.sort) params.set('sort', state.sort);
  return `/api/search?${params}`;
}

/** Renders the results of `state`; `fresh` skips the cache (an explicit search). */
export async function show(state, signal, { fresh = false } = {}) {
  const { q } = state;
  const heading = q ? `Kết quả cho “${q}”` : (hasFilters(state) ? 'Văn bản theo bộ lọc' : 'Tất cả văn bản');
  els.heading.textContent = heading;
  document.title = `${q || heading} — Tìm kiếm — vanban`;
  searchOptions.show(state);

  const path = searchApiPath(state);
  let data = fresh ? null : cachedSearch(path);
  if (!data) {
    showLoading(state);
    data = await api(path, signal);
    if (signal.aborted) return;
    cacheSearch(path, data);
  }

  renderResults(data, state);
  finishRender(els.view, els.heading);
}

function showLoading(state) {
  els.results.replaceChildren();
  els.suggestion.hidden = true;
  els.relaxed.hidden = true;
  els.pager.hidden = true;
  els.status.textContent = state.q ? 'Đang tìm kiếm…' : 'Đang tải danh sách…';
  els.export.hidden = true;
  renderChips(state, null);
  markBusy(els.results);
}

/** A failed search leaves no count behind. */
export function showError() {
  els.status.textContent = '';
  els.export.hidden = true;
  return null;
}

function renderResults(data, state) {
  const results = Array.isArray(data.results) ? data.results : [];
  const total = toCount(data.total, results.length);
  renderStatus(data, total);
  renderExport(state, total);

  // `relaxed`: no document had every word, so the server fell back to
  // documents matching some of them — tell the user why results look loose.
  els.relaxed.hidden = !(data.relaxed === true && results.length > 0);

  renderSuggestion(data.suggestion, state);
  const facets = data.facets && typeof data.facets === 'object' ? data.facets : {};
  learnFacetLabels(facets);
  renderChips(state, facets);
  renderFacets(facets, state);

  const offset = (state.page - 1) * PAGE_SIZE;
  els.results.start = offset + 1;
  els.results.replaceChildren(...results.map((r) => renderResultItem(r, state)));

  if (results.length === 0) {
    let hint = 'Hãy thử từ khóa khác, ít từ hơn, hoặc kiểm tra lại số hiệu văn bản.';
    if (total > 0) hint = 'Trang này không có kết quả. Hãy quay lại trang trước.';
    else if (hasFilters(state)) hint = 'Hãy bỏ bớt bộ lọc hoặc thử từ khóa khác.';
    els.results.append(h('li', { class: 'result-empty' }, hint));
  }

  renderPager(total, state.page, results.length);
}

function renderStatus(data, total) {
  const took = Number(data.took_ms);
  const tookText = data.took_ms != null && Number.isFinite(took) ? ` (${msFmt.format(took)} ms)` : '';
  const about = total > EXACT_TOTAL_UP_TO ? 'khoảng ' : '';
  // `match: "partial"`: the total counts documents with any of the words,
  // not documents that match the whole query; say so.
  const partly = data.match === 'partial' ? ' khớp một phần' : '';
  els.status.textContent = total > 0
    ? `Tìm thấy ${about}${numberFmt.format(total)} văn bản${partly}${tookText}`
    : `Không tìm thấy văn bản phù hợp${tookText}`;
}

/** The export links of this search, when it found something. */
function renderExport(state, total) {
  els.export.replaceChildren(...(total > 0 ? [exportLinks((format) => searchExportUrl(state, format))] : []));
  els.export.hidden = total === 0;
}

function renderSuggestion(suggestion, state) {
  const s = typeof suggestion === 'string' ? normalizeQuery(suggestion) : '';
  if (!s || s === state.q) {
    els.suggestion.hidden = true;
    els.suggestion.replaceChildren();
    return;
  }
  const a = h('a', { href: searchUrl({ ...state, q: s, page: 1 }), 'data-nav': 'search' }, s);
  els.suggestion.replaceChildren('Có phải bạn muốn tìm: ', a, '?');
  els.suggestion.hidden = false;
}

/**
 * One result: its display title, then what identifies it as staff cite a
 * document ("Nghị định 30/2020/NĐ-CP · 05/03/2020 · Chính phủ"), its
 * status, the snippet, and the file it was read from in a details line.
 */
function renderResultItem(r, state) {
  const item = r && typeof r === 'object' ? r : {};
  const id = str(item.id);
  const identity = typeAndSymbol(item);
  const title = str(item.title) || identity || id || 'Văn bản không có tiêu đề';

  const heading = h('h3', { class: 'result-title' });
  if (id) heading.append(h('a', { href: docUrl(id, state), 'data-nav': 'doc' }, title));
  else heading.textContent = title; // nothing to open without an id

  const li = h('li', { class: 'result' }, heading);
  const date = str(item.date);
  const parts = metaParts([identity ? h('span', { class: 'result-symbol' }, identity) : null,
    date ? timeEl(date) : null, str(item.issuer)]);
  if (parts.length) li.append(h('p', { class: 'meta result-identity' }, ...parts));
  const status = statusBadge(item.status);
  if (status) li.append(h('p', { class: 'result-status' }, status));

  const snippet = h('p', { class: 'result-snippet' });
  setSnippet(snippet, item.snippet);
  if (snippet.childNodes.length) li.append(snippet);
  if (id) li.append(h('p', { class: 'result-details' }, 'Tệp: ', docIdEl(id)));
  return li;
}

function renderPager(total, page, shown) {
  const totalPages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  // A page past the results (an old link) still offers the way back.
  const last = shown > 0 ? totalPages : Math.max(totalPages, page);
  renderNumberedPager(els.pager, page, last, (p) => searchUrl({ ...parseState(location.search), page: p }));
}

/* --------------------------------------------------------------- facets */

/** Facet name → how it maps onto URL filters. */
const FACETS = [
  { name: 'type', label: 'Loại văn bản' },
  { name: 'issuer', label: 'Cơ quan ban hành' },
  { name: 'year', label: 'Năm' },
  { name: 'directives', label: 'Văn bản được trích dẫn nhiều' },
];

function facetActive(name, value, state) {
  switch (name) {
    case 'type': return state.type === value;
    case 'issuer': return state.issuer === value;
    case 'year': return state.from === value && state.to === value;
    case 'directives': return state.cites === value;
    default: return false;
  }
}

/** The search state with one facet value set (or cleared when `on` is false). */
function withFacet(state, name, value, on) {
  const next = { ...state, page: 1 };
  const v = on ? value : '';
  if (name === 'type') next.type = v;
  else if (name === 'issuer') next.issuer = v;
  else if (name === 'year') { next.from = v; next.to = v; }
  else if (name === 'directives') next.cites = v;
  return next;
}

function facetEntries(facets, name) {
  const list = Array.isArray(facets[name]) ? facets[name] : [];
  return list
    .filter((f) => f && typeof f === 'object' && str(f.value))
    .map((f) => ({ value: str(f.value), label: str(f.label) || str(f.value), count: toCount(f.count, 0) }));
}

function learnFacetLabels(facets) {
  for (const f of facetEntries(facets, 'directives')) directiveLabels.set(f.value, f.label);
}

function renderFacets(facets, state) {
  const groups = [statusGroup(state)];
  for (const { name, label } of FACETS) {
    const entries = facetEntries(facets, name);
    if (entries.length) groups.push(facetGroup(name, label, entries, state));
  }
  els.facetGroups.replaceChildren(...groups);
  els.facets.hidden = groups.length === 0;
}

function facetGroup(name, label, entries, state) {
  const list = h('ul', { class: 'facet-list', role: 'list' });
  for (const f of entries) list.append(h('li', null, facetLink(name, f, state)));
  const details = h('details', { class: 'facet', 'data-facet': name },
    h('summary', null, label),
    list);
  details.open = facetOpen.has(name) ? facetOpen.get(name) : wideScreen.matches;
  details.addEventListener('toggle', () => facetOpen.set(name, details.open));
  return details;
}

/** Statuses a reader filters on (the rest are reached from a directive's page). */
const STATUS_FILTERS = ['in_force', 'expired', 'partly_expired', 'not_yet_in_force'];

/** "Hiệu lực": the directives (and documents that are directives) by status, as of the URL's date. */
function statusGroup(state) {
  const list = h('ul', { class: 'facet-list', role: 'list' }, STATUS_FILTERS.map((value) => {
    const active = state.status === value;
    return h('li', null, h('a', {
      href: searchUrl({ ...state, status: active ? '' : value, page: 1 }),
      'data-nav': 'search',
      'data-focus-key': `facet\nstatus\n${value}`,
      class: active ? 'facet-link is-active' : 'facet-link',
      'aria-current': active ? 'true' : null,
    }, h('span', { class: 'facet-label' }, STATUS_LABELS[value][0]),
    h('span', { class: 'sr-only' }, active ? ', đang chọn (nhấn để bỏ lọc)' : '')));
  }));
  const details = h('details', { class: 'facet', 'data-facet': 'status' }, h('summary', null, 'Hiệu lực'), list);
  details.open = facetOpen.has('status') ? facetOpen.get('status') : (wideScreen.matches || Boolean(state.status));
  details.addEventListener('toggle', () => facetOpen.set('status', details.open));
  return details;
}

function facetLink(name, f, state) {
  const active = facetActive(name, f.value, state);
  return h('a', {
    href: searchUrl(withFacet(state, name, f.value, !active)),
    'data-nav': 'search',
    'data-focus-key': `facet\n${name}\n${f.value}`,
    class: active ? 'facet-link is-active' : 'facet-link',
    'aria-current': active ? 'true' : null,
  },
  // The accessible name starts with the visible text (WCAG 2.5.3):
  // the words for screen readers are hidden text, not an aria-label.
  h('span', { class: 'facet-label' }, f.label),
  h('span', { class: 'facet-count' }, numberFmt.format(f.count)),
  h('span', { class: 'sr-only' }, ` văn bản${active ? ', đang chọn (nhấn để bỏ lọc)' : ''}`));
}

/** The chips of the active filters, each a link to the search without it. */
function renderChips(state, facets) {
  const chips = [];
  const chip = (label, next) => chips.push(filterChip(label, next));
  if (state.type) chip(`Loại: ${state.type}`, { ...state, type: '' });
  if (state.issuer) chip(`Cơ quan: ${state.issuer}`, { ...state, issuer: '' });
  if (state.from && state.from === state.to && isYear(state.from)) {
    chip(`Năm: ${state.from}`, { ...state, from: '', to: '' });
  } else {
    if (state.from) chip(`Từ: ${formatDate(state.from)}`, { ...state, from: '' });
    if (state.to) chip(`Đến: ${formatDate(state.to)}`, { ...state, to: '' });
  }
  if (state.cites) chip(`Trích dẫn: ${citedLabel(state.cites, facets)}`, { ...state, cites: '' });
  if (state.status) chip(`Hiệu lực: ${(STATUS_LABELS[state.status] || [state.status])[0]}`, { ...state, status: '' });
  if (state.as_of) chip(`Tại ngày: ${formatDate(state.as_of)}`, { ...state, as_of: '' });
  if (state.applies_to) chip(`Áp dụng tại: ${state.applies_to}`, { ...state, applies_to: '' });
  if (chips.length > 1) {
    chips.push(h('li', null, h('a', {
      class: 'chip chip-clear',
      href: searchUrl({ q: state.q }),
      'data-nav': 'search',
    }, 'Xóa tất cả bộ lọc')));
  }
  els.chips.replaceChildren(...chips);
  els.activeFilters.hidden = chips.length === 0;
}

function filterChip(label, next) {
  return h('li', null, h('a', {
    class: 'chip',
    href: searchUrl({ ...next, page: 1 }),
    'data-nav': 'search',
    'aria-label': `${label} — bỏ bộ lọc này`,
  }, h('span', null, label), h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×')));
}

/** The label of a cited-directive filter: from this answer's facets, else learnt earlier, else the key. */
function citedLabel(key, facets) {
  const fromFacet = facets ? facetEntries(facets, 'directives').find((f) => f.value === key) : null;
  return (fromFacet && fromFacet.label) || directiveLabels.get(key) || key;
}

/* -------------------------------------------------------------- snippet */

/**
 * The server sends an HTML-escaped snippet whose only markup is <mark>.
 * Rather than trusting it with innerHTML we split on the <mark> tags and
 * decode the text between them, so no other element can ever be created
 * (even a stray <img onerror> from a server bug stays inert, visible text).
 */
const MARK_TAG = /<(\/?)mark\b[^>]*>/gi;
const entityDecoder = document.createElement('textarea');

function decodeEntities(html) {
  if (!html.includes('&')) return html;
  // A <textarea> parses its content as RCDATA: entities are decoded but
  // tags are never turned into elements.
  entityDecoder.innerHTML = html;
  const text = entityDecoder.value;
  entityDecoder.textContent = '';
  return text;
}

function setSnippet(el, html) {
  const src = typeof html === 'string' ? html : '';
  const out = document.createDocumentFragment();
  let mark = null;
  let last = 0;
  const appendText = (chunk) => {
    if (chunk) (mark || out).append(decodeEntities(chunk));
  };
  for (const m of src.matchAll(MARK_TAG)) {
    appendText(src.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1]) {
      if (mark) out.append(mark);
      mark = null;
    } else if (!mark) {
      mark = document.createElement('mark');
    }
  }
  appendText(src.slice(last));
  if (mark) out.append(mark); // tolerate an unclosed <mark>
  el.replaceChildren(out);
}
