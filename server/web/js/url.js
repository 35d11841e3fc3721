/*
 * URL state: parse the page URL into a state, and build the URL of a state.
 *
 * All state lives in the URL; route() renders whatever the URL says, so
 * reload, back/forward and shared links all go through the same code path:
 *
 *   (nothing)                         home
 *   ?q=…&type=&issuer=&cites=&from=&to=&status=&as_of=&applies_to=&sort=&page=N
 *                                     search results (q may be empty when a filter is set;
 *                                     sort: date_desc or date_asc, relevance when absent)
 *   ?view=search[&page=N]             every document, newest first
 *   ?doc=ID[&hl=START-END]  (+ the search params)
 *                                     one document (hl: code points of a sentence to
 *                                     show); the search params are kept so "back to
 *                                     the results" works after a reload
 *   ?view=directives&q=&type=&year=&issuer=&status=&as_of=&applies_to=&page=N
 *                                     cited directives (most cited first)
 *   ?directive=KEY[&as_of=YYYY-MM-DD] one directive, its status as of a date
 *   ?view=campaigns[&q=…]             emulation campaigns (q filters them, folded)
 *   ?campaign=ID                      one campaign
 *   ?compare=ID1,ID2,…                documents side by side (their campaign contents)
 *   ?view=obligations&assignee=&from=&to=&page=N
 *                                     obligations and deadlines ("Việc cần làm")
 */

export const PAGE_SIZE = 10;
// Server-side bounds (SearchService): offsets above MAX_OFFSET are rejected,
// and totals above EXACT_TOTAL_UP_TO are Xapian estimates.
const MAX_OFFSET = 10000;
export const MAX_PAGE = Math.floor(MAX_OFFSET / PAGE_SIZE) + 1;
export const EXACT_TOTAL_UP_TO = 1000;
export const DIR_PAGE_SIZE = 20;
export const DIR_MAX_PAGE = Math.floor(MAX_OFFSET / DIR_PAGE_SIZE) + 1;
export const OBL_PAGE_SIZE = 20;
export const OBL_MAX_PAGE = Math.floor(100000 / OBL_PAGE_SIZE) + 1; // ObligationService::kMaxOffset
export const MAX_COMPARED = 8; // search::kMaxCompared

/** Search filters, in URL order. */
export const SEARCH_FILTERS = ['type', 'issuer', 'cites', 'from', 'to', 'status', 'as_of', 'applies_to'];

/** The orders of /api/search's `sort` a URL may name; relevance (the default) is left out of URLs. */
export const SORTS = ['relevance', 'date_desc', 'date_asc'];

function sortOf(v) {
  return SORTS.includes(v) && v !== 'relevance' ? v : '';
}

function clampPage(v, max) {
  return Math.min(max, Math.max(1, parseInt(v, 10) || 1));
}

/** The state a URL's query string (location.search) says; `view` is the view to render. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const get = (k) => normalizeQuery(p.get(k) || '');
  const view = p.get('view') || '';
  const s = {
    view: 'home',
    q: get('q'),
    page: 1,
    type: get('type'),
    issuer: get('issuer'),
    cites: get('cites'),
    from: get('from'),
    to: get('to'),
    year: get('year'),
    status: get('status'),
    as_of: get('as_of'),
    applies_to: get('applies_to'),
    sort: sortOf(p.get('sort')),
    hl: (p.get('hl') || '').trim(),
    doc: (p.get('doc') || '').trim(),
    directive: (p.get('directive') || '').trim(),
    campaign: (p.get('campaign') || '').trim(),
    compare: idList(p.get('compare') || ''),
    assignee: get('assignee'),
    searchCtx: false, // doc view: the URL carries a search to go back to
  };
  const hasSearch = Boolean(s.q) || hasFilters(s) || view === 'search';
  if (s.doc) {
    s.view = 'doc';
    s.searchCtx = hasSearch;
  } else if (s.directive) s.view = 'directive';
  else if (s.campaign) s.view = 'campaign';
  else if (s.compare.length) s.view = 'compare';
  else if (view === 'directives') s.view = 'directives';
  else if (view === 'campaigns') s.view = 'campaigns';
  else if (view === 'obligations') s.view = 'obligations';
  else if (hasSearch) s.view = 'results';
  const maxPage = { directives: DIR_MAX_PAGE, obligations: OBL_MAX_PAGE }[s.view] || MAX_PAGE;
  s.page = clampPage(p.get('page'), maxPage);
  return s;
}

export function hasFilters(s) {
  return SEARCH_FILTERS.some((k) => Boolean(s[k]));
}

function searchParams(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const k of SEARCH_FILTERS) if (s[k]) p.set(k, s[k]);
  if (!s.q && !hasFilters(s)) p.set('view', 'search');
  if (sortOf(s.sort)) p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

/** URL of a search; with neither q nor filters it lists every document. */
export function searchUrl(s) {
  return `/?${searchParams({ page: 1, ...s })}`;
}

/**
 * API path of a search's export: every result up to the server's bound,
 * whatever the page, in `format` ('csv' or 'docx').
 */
export function searchExportUrl(s, format) {
  const p = new URLSearchParams({ q: s.q || '' });
  for (const k of SEARCH_FILTERS) if (s[k]) p.set(k, s[k]);
  if (sortOf(s.sort)) p.set('sort', s.sort);
  p.set('format', format);
  return `/api/search?${p}`;
}

/** API path of a directive's export: `list` 'citing' or 'implementation', `format` 'csv' or 'docx'. */
export function directiveExportUrl(key, list, format, asOf = '') {
  const p = new URLSearchParams({ format, list });
  if (asOf) p.set('as_of', asOf);
  return `/api/directives/${encodeURIComponent(key)}?${p}`;
}

/**
 * URL of a document; `ctx` (a search state) is kept for "back to the results";
 * `hl` ({start, end}: code points) is a sentence to show.
 */
export function docUrl(id, ctx = null, hl = null) {
  const p = ctx ? searchParams(ctx) : new URLSearchParams();
  p.set('doc', id);
  if (hl && Number.isInteger(hl.start) && Number.isInteger(hl.end) && hl.start < hl.end) {
    p.set('hl', `${hl.start}-${hl.end}`);
  }
  return `/?${p}`;
}

/** URL of a directive's page; `asOf` (YYYY-MM-DD) asks for its status on that date. */
export function directiveUrl(key, asOf = '') {
  const p = new URLSearchParams({ directive: key });
  if (asOf) p.set('as_of', asOf);
  return `/?${p}`;
}

export function campaignUrl(id) {
  return `/?${new URLSearchParams({ campaign: id })}`;
}

/** "a, b,a" → ["a", "b"]: the ids of a comparison, each once, at most MAX_COMPARED. */
export function idList(value) {
  const ids = String(value).split(',').map((x) => x.trim()).filter(Boolean);
  return [...new Set(ids)].slice(0, MAX_COMPARED);
}

/** URL of documents side by side. */
export function compareUrl(ids) {
  return `/?${new URLSearchParams({ compare: idList(ids.join(',')).join(',') })}`;
}

export function obligationsUrl({ assignee = '', from = '', to = '', page = 1 } = {}) {
  const p = new URLSearchParams({ view: 'obligations' });
  if (assignee) p.set('assignee', assignee);
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  if (page > 1) p.set('page', String(page));
  return `/?${p}`;
}

/** URL of the campaign list; `q` filters it. */
export function campaignsUrl(q = '') {
  return q ? `/?${new URLSearchParams({ view: 'campaigns', q })}` : '/?view=campaigns';
}

/** The filters of the directive list, in URL order. */
export const DIRECTIVE_FILTERS = ['q', 'type', 'year', 'issuer', 'status', 'as_of', 'applies_to'];

export function directivesUrl(filters = {}) {
  const p = new URLSearchParams({ view: 'directives' });
  for (const k of DIRECTIVE_FILTERS) if (filters[k]) p.set(k, filters[k]);
  if (filters.page > 1) p.set('page', String(filters.page));
  return `/?${p}`;
}

/** Whether `s` is a date as the API takes it: YYYY-MM-DD, a day that exists. */
export function isIsoDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * NFC because some keyboards/OSes (notably macOS) produce decomposed
 * Vietnamese (base letter + combining marks); the index should see one form.
 */
export function normalizeQuery(q) {
  return String(q).normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function isYear(s) {
  return /^\d{4}$/.test(s);
}
