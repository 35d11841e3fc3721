/*
 * vanban — client for the search page.
 *
 * Plain ES2020, no dependencies, no build step. The page is served with a strict
 * CSP (script-src 'self', style-src 'self'), so: no inline handlers, no style
 * attributes, no eval — everything is wired up here with addEventListener and
 * visibility is toggled with the `hidden` attribute / CSS classes.
 *
 * All state lives in the URL; route() renders whatever the URL says, so
 * reload, back/forward and shared links all go through the same code path:
 *
 *   (nothing)                         home
 *   ?q=…&type=&issuer=&cites=&from=&to=&page=N
 *                                     search results (q may be empty when a filter is set)
 *   ?view=search[&page=N]             every document, newest first
 *   ?doc=ID  (+ the search params)    one document; the search params are kept so
 *                                     "back to the results" works after a reload
 *   ?view=directives&q=&type=&year=&issuer=&page=N
 *                                     cited directives (most cited first)
 *   ?directive=KEY                    one directive
 *   ?view=campaigns                   emulation campaigns
 *   ?campaign=ID                      one campaign
 *
 * Every string that comes from the server is inserted with textContent /
 * text nodes. The only server HTML is the search snippet, whose <mark> tags
 * are parsed by hand (setSnippet) — never with innerHTML on the live page.
 */
'use strict';

(() => {
  const PAGE_SIZE = 10;
  // Server-side bounds (SearchService): offsets above MAX_OFFSET are rejected,
  // and totals above EXACT_TOTAL_UP_TO are Xapian estimates.
  const MAX_OFFSET = 10000;
  const MAX_PAGE = Math.floor(MAX_OFFSET / PAGE_SIZE) + 1;
  const EXACT_TOTAL_UP_TO = 1000;
  const CACHE_MAX = 20; // search responses kept so "back" from a document is instant
  const DIR_PAGE_SIZE = 20;
  const DIR_MAX_PAGE = Math.floor(MAX_OFFSET / DIR_PAGE_SIZE) + 1;
  const TITLE_LOOKUPS_MAX = 10; // titles are fetched for at most this many linked documents that lack one
  // How the server linked a document of the corpus to a directive.
  const HOW_LABELS = {
    symbol_and_date: 'cùng số, ký hiệu và ngày ban hành',
    symbol: 'cùng số, ký hiệu (chưa đối chiếu được ngày)',
    draft: 'bản chưa ghi số: cùng ký hiệu, thời gian, loại và trích yếu',
  };

  /** Search filters, in URL order. */
  const SEARCH_FILTERS = ['type', 'issuer', 'cites', 'from', 'to'];

  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'),
    input: $('q'),
    alert: $('alert'),
    navLinks: Array.from(document.querySelectorAll('.site-nav a[data-section]')),
    intro: $('intro'),
    // search results
    resultsView: $('results-view'),
    resultsHeading: $('results-heading'),
    status: $('status'),
    activeFilters: $('active-filters'),
    chips: $('filter-chips'),
    facets: $('facets'),
    facetGroups: $('facet-groups'),
    suggestion: $('suggestion'),
    relaxed: $('relaxed'),
    results: $('results'),
    pager: $('pager'),
    prev: $('prev'),
    next: $('next'),
    pageInfo: $('page-info'),
    // document
    docView: $('doc-view'),
    doc: $('doc'),
    back: $('back'),
    backLabel: $('back-label'),
    docTitle: $('doc-title'),
    docMeta: $('doc-meta'),
    docMetadataSection: $('doc-metadata-section'),
    docMetadata: $('doc-metadata'),
    docText: $('doc-text'),
    docSections: $('doc-sections'),
    // directive list
    directivesView: $('directives-view'),
    directivesHeading: $('directives-heading'),
    dirForm: $('dir-form'),
    dirQ: $('dir-q'),
    dirType: $('dir-type'),
    dirYear: $('dir-year'),
    dirIssuer: $('dir-issuer'),
    dirReset: $('dir-reset'),
    dirStatus: $('dir-status'),
    dirList: $('dir-list'),
    dirPager: $('dir-pager'),
    // directive page
    directiveView: $('directive-view'),
    directive: $('directive'),
    directiveCrumb: $('directive-crumb'),
    directiveTitle: $('directive-title'),
    directiveMeta: $('directive-meta'),
    directiveSearch: $('directive-search'),
    directiveSections: $('directive-sections'),
    // campaign list
    campaignsView: $('campaigns-view'),
    campaignsHeading: $('campaigns-heading'),
    campStatus: $('camp-status'),
    campList: $('camp-list'),
    // campaign page
    campaignView: $('campaign-view'),
    campaign: $('campaign'),
    campaignCrumb: $('campaign-crumb'),
    campaignTitle: $('campaign-title'),
    campaignMeta: $('campaign-meta'),
    campaignSections: $('campaign-sections'),
  };

  const VIEWS = {
    home: els.intro,
    results: els.resultsView,
    doc: els.docView,
    directives: els.directivesView,
    directive: els.directiveView,
    campaigns: els.campaignsView,
    campaign: els.campaignView,
  };
  /** Which header link a view belongs to. */
  const VIEW_SECTION = {
    home: 'search', results: 'search', doc: 'search',
    directives: 'directives', directive: 'directives',
    campaigns: 'campaigns', campaign: 'campaigns',
  };
  const SECTION_ROOT_VIEW = { search: 'home', directives: 'directives', campaigns: 'campaigns' };

  const numberFmt = new Intl.NumberFormat('vi-VN');
  const msFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  const pctFmt = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });
  const collator = new Intl.Collator('vi');

  const searchCache = new Map();
  /** Directive key → "Chỉ thị 34-CT/TW", learnt from every response, for filter chips. */
  const directiveLabels = new Map();
  /** Directive types seen in any /api/directives response (fills the type <select>). */
  const directiveTypes = new Set();
  let directiveTypesLoaded = false;
  /** Facet group open/closed state chosen by the user during this visit. */
  const facetOpen = new Map();
  const wideScreen = window.matchMedia('(min-width: 50em)');

  let inflight = null;      // AbortController of the request currently being rendered
  let pendingFocus = null;  // 'heading' | 'input' | { key } — where focus goes after the next render
  let restoring = false;    // the current render comes from back/forward
  let currentView = '';
  let scrollTimer = 0;

  /* ------------------------------------------------------------------ API */

  class ApiError extends Error {
    constructor(message, status = 0) {
      super(message);
      this.status = status;
    }
  }

  /**
   * GET a JSON endpoint. Always rejects with an ApiError carrying a
   * user-facing Vietnamese message and the HTTP status, except for
   * AbortError, which callers ignore.
   */
  async function api(path, signal) {
    let res;
    try {
      res = await fetch(path, { headers: { Accept: 'application/json' }, signal });
    } catch (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError('Không thể kết nối tới máy chủ. Vui lòng kiểm tra kết nối và thử lại.');
    }

    // Read as text first: a proxy or crash may answer with HTML/plain text,
    // and res.json() would then throw an unhelpful SyntaxError.
    const raw = await res.text();
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch {
      data = null;
    }

    if (!res.ok) {
      // The server's own messages are English; show them only as a detail.
      const detail = data && typeof data.error === 'string' ? data.error.trim() : '';
      let msg;
      if (res.status === 404) msg = 'Không tìm thấy nội dung yêu cầu.';
      else if (res.status === 400) msg = `Yêu cầu không hợp lệ${detail ? ` (${detail})` : ''}. Vui lòng kiểm tra lại bộ lọc.`;
      else msg = `Máy chủ trả về lỗi (HTTP ${res.status}). Vui lòng thử lại sau.`;
      throw new ApiError(msg, res.status);
    }
    if (!data || typeof data !== 'object') {
      throw new ApiError('Phản hồi từ máy chủ không hợp lệ.');
    }
    return data;
  }

  /** Path segment: ids contain "/" (seeds/001.txt), keys contain "/" and "@". */
  const seg = (s) => encodeURIComponent(s);

  /* ------------------------------------------------------------ URL state */

  function clampPage(v, max) {
    return Math.min(max, Math.max(1, parseInt(v, 10) || 1));
  }

  function parseState(search) {
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
      doc: (p.get('doc') || '').trim(),
      directive: (p.get('directive') || '').trim(),
      campaign: (p.get('campaign') || '').trim(),
      searchCtx: false, // doc view: the URL carries a search to go back to
    };
    const hasSearch = Boolean(s.q) || hasFilters(s) || view === 'search';
    if (s.doc) {
      s.view = 'doc';
      s.searchCtx = hasSearch;
    } else if (s.directive) s.view = 'directive';
    else if (s.campaign) s.view = 'campaign';
    else if (view === 'directives') s.view = 'directives';
    else if (view === 'campaigns') s.view = 'campaigns';
    else if (hasSearch) s.view = 'results';
    s.page = clampPage(p.get('page'), s.view === 'directives' ? DIR_MAX_PAGE : MAX_PAGE);
    return s;
  }

  function hasFilters(s) {
    return SEARCH_FILTERS.some((k) => Boolean(s[k]));
  }

  function searchParams(s) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    for (const k of SEARCH_FILTERS) if (s[k]) p.set(k, s[k]);
    if (!s.q && !hasFilters(s)) p.set('view', 'search');
    if (s.page > 1) p.set('page', String(s.page));
    return p;
  }

  /** URL of a search; with neither q nor filters it lists every document. */
  function searchUrl(s) {
    return `/?${searchParams({ page: 1, ...s })}`;
  }

  /** URL of a document; `ctx` (a search state) is kept for "back to the results". */
  function docUrl(id, ctx = null) {
    const p = ctx ? searchParams(ctx) : new URLSearchParams();
    p.set('doc', id);
    return `/?${p}`;
  }

  function directiveUrl(key) {
    return `/?${new URLSearchParams({ directive: key })}`;
  }

  function campaignUrl(id) {
    return `/?${new URLSearchParams({ campaign: id })}`;
  }

  function directivesUrl({ q = '', type = '', year = '', issuer = '', page = 1 } = {}) {
    const p = new URLSearchParams({ view: 'directives' });
    if (q) p.set('q', q);
    if (type) p.set('type', type);
    if (year) p.set('year', year);
    if (issuer) p.set('issuer', issuer);
    if (page > 1) p.set('page', String(page));
    return `/?${p}`;
  }

  /**
   * NFC because some keyboards/OSes (notably macOS) produce decomposed
   * Vietnamese (base letter + combining marks); the index should see one form.
   */
  function normalizeQuery(q) {
    return String(q).normalize('NFC').replace(/\s+/g, ' ').trim();
  }

  function saveScroll(extra = {}) {
    clearTimeout(scrollTimer);
    const state = history.state && typeof history.state === 'object' ? history.state : {};
    history.replaceState({ ...state, scrollY: window.scrollY, ...extra }, '');
  }

  /**
   * Push a new history entry (or replace it when the URL is unchanged) and render it.
   * `focus`: 'heading' | 'input' | { key } | null.
   */
  function navigate(url, { fresh = false, focus = null } = {}) {
    saveScroll(); // remember where we were on the entry we are leaving
    const target = new URL(url, location.href);
    const next = target.pathname + target.search;
    const current = location.pathname + location.search;
    if (next === current) {
      const state = history.state && typeof history.state === 'object' ? history.state : {};
      history.replaceState({ from: state.from || '' }, '', next);
    } else {
      // `from` labels the document view's back button and tells it that
      // history.back() stays inside the app.
      history.pushState({ from: currentView || 'home' }, '', next);
    }
    pendingFocus = focus;
    restoring = false;
    route({ fresh });
  }

  /* -------------------------------------------------------------- routing */

  async function route({ fresh = false } = {}) {
    if (inflight) inflight.abort(); // a slow old response must never overwrite a newer view
    inflight = new AbortController();
    const { signal } = inflight;

    const state = parseState(location.search);
    currentView = state.view;
    els.input.value = state.view === 'results' || state.view === 'doc' ? state.q : '';
    setView(state.view);
    clearAlert();

    try {
      switch (state.view) {
        case 'doc': await showDocument(state, signal); break;
        case 'results': await showSearch(state, signal, fresh); break;
        case 'directives': await showDirectives(state, signal); break;
        case 'directive': await showDirective(state, signal); break;
        case 'campaigns': await showCampaigns(state, signal); break;
        case 'campaign': await showCampaign(state, signal); break;
        default: showHome();
      }
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (!signal.aborted) showError(err, state);
    } finally {
      if (!signal.aborted) setBusy(false);
    }
  }

  function setView(name) {
    for (const [view, el] of Object.entries(VIEWS)) el.hidden = view !== name;
    const section = VIEW_SECTION[name];
    for (const a of els.navLinks) {
      const mine = a.dataset.section === section;
      a.classList.toggle('is-active', mine);
      if (!mine) a.removeAttribute('aria-current');
      else a.setAttribute('aria-current', SECTION_ROOT_VIEW[section] === name ? 'page' : 'true');
    }
  }

  /*
   * aria-busy goes on the content being replaced, never on <main>: screen
   * readers may hold back live-region announcements (status, alert) inside a
   * busy subtree.
   */
  function setBusy(busy) {
    for (const el of [els.results, els.doc, els.dirList, els.directive, els.campList, els.campaign]) {
      if (busy) el.setAttribute('aria-busy', 'true');
      else el.removeAttribute('aria-busy');
    }
  }

  function clearAlert() {
    els.alert.textContent = '';
  }

  function showAlert(message) {
    els.alert.textContent = message;
  }

  const NOT_FOUND = {
    doc: ['Không tìm thấy văn bản', 'Văn bản này không có trong kho, hoặc đường dẫn không đúng.'],
    directive: ['Không tìm thấy văn bản chỉ đạo', 'Không có văn bản chỉ đạo nào với số hiệu này trong kho.'],
    campaign: ['Không tìm thấy phong trào thi đua', 'Không có phong trào thi đua nào với mã này trong kho.'],
  };

  function showError(err, state) {
    const apiErr = err instanceof ApiError;
    let message = apiErr && err.message ? err.message : 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
    if (!apiErr) console.error(err); // a bug of ours: keep it visible to developers
    const notFound = apiErr && err.status === 404 && NOT_FOUND[state.view];
    if (notFound) message = notFound[1];
    showAlert(message);

    const heading = notFound ? notFound[0] : 'Không thể hiển thị nội dung';
    const recover = (container, href, nav, label) => {
      container.replaceChildren(h('p', { class: 'recover' }, h('a', { href, 'data-nav': nav }, label)));
    };
    switch (state.view) {
      case 'doc':
        els.docTitle.textContent = heading;
        recover(els.docSections, '/', 'home', 'Về trang tìm kiếm');
        break;
      case 'directive':
        els.directiveTitle.textContent = heading;
        els.directiveCrumb.textContent = heading;
        recover(els.directiveSections, directivesUrl(), 'directives', 'Xem danh sách văn bản chỉ đạo');
        break;
      case 'campaign':
        els.campaignTitle.textContent = heading;
        els.campaignCrumb.textContent = heading;
        recover(els.campaignSections, '/?view=campaigns', 'campaigns', 'Xem danh sách phong trào thi đua');
        break;
      case 'directives':
        els.dirStatus.textContent = '';
        break;
      case 'campaigns':
        els.campStatus.textContent = '';
        break;
      default:
        els.status.textContent = '';
    }
    if (notFound) document.title = `${heading} — vanban`;
    // Detail views lose their content: put focus on the (error) heading.
    const title = { doc: els.docTitle, directive: els.directiveTitle, campaign: els.campaignTitle }[state.view];
    if (title) title.focus({ preventScroll: true });
    pendingFocus = null;
    restoring = false;
  }

  /** Restore the scroll position saved for this history entry (0 for new entries). */
  function restoreScroll() {
    const y = history.state && Number.isFinite(history.state.scrollY) ? history.state.scrollY : 0;
    window.scrollTo(0, y);
  }

  /**
   * After a view is rendered: restore scroll, then move focus. Back/forward
   * returns focus to the link that was followed from this entry; otherwise
   * `pendingFocus` decides, and detail views always focus their heading.
   */
  function finishRender(view, heading, { detail = false } = {}) {
    restoreScroll();
    let target = null;
    const st = history.state && typeof history.state === 'object' ? history.state : {};
    if (restoring && typeof st.focusHref === 'string') {
      target = Array.from(view.querySelectorAll('a[href]')).find((a) => a.getAttribute('href') === st.focusHref) || null;
    }
    if (!target && pendingFocus && typeof pendingFocus === 'object' && pendingFocus.key) {
      const key = pendingFocus.key;
      target = Array.from(view.querySelectorAll('[data-focus-key]')).find((e) => e.dataset.focusKey === key) || heading;
    }
    if (!target && pendingFocus === 'input') target = els.input;
    if (!target && (pendingFocus === 'heading' || detail)) target = heading;
    if (target) target.focus({ preventScroll: true });
    pendingFocus = null;
    restoring = false;
  }

  function showHome() {
    document.title = 'vanban — Tra cứu văn bản hành chính';
    restoreScroll();
    if (pendingFocus === 'input') els.input.focus();
    pendingFocus = null;
    restoring = false;
  }

  /* --------------------------------------------------------------- search */

  function searchApiPath(state) {
    const params = new URLSearchParams({
      q: state.q,
      offset: String((state.page - 1) * PAGE_SIZE),
      limit: String(PAGE_SIZE),
    });
    for (const k of SEARCH_FILTERS) if (state[k]) params.set(k, state[k]);
    return `/api/search?${params}`;
  }

  async function showSearch(state, signal, fresh) {
    const { q } = state;
    const heading = q ? `Kết quả cho “${q}”` : (hasFilters(state) ? 'Văn bản theo bộ lọc' : 'Tất cả văn bản');
    els.resultsHeading.textContent = heading;
    document.title = `${q || heading} — Tìm kiếm — vanban`;

    const path = searchApiPath(state);
    let data = fresh ? null : searchCache.get(path);
    if (!data) {
      els.results.replaceChildren();
      els.suggestion.hidden = true;
      els.relaxed.hidden = true;
      els.pager.hidden = true;
      els.status.textContent = q ? 'Đang tìm kiếm…' : 'Đang tải danh sách…';
      renderChips(state, null);
      setBusy(true);

      data = await api(path, signal);
      if (signal.aborted) return;
      searchCache.set(path, data);
      if (searchCache.size > CACHE_MAX) searchCache.delete(searchCache.keys().next().value);
    }

    renderResults(data, state);
    finishRender(els.resultsView, els.resultsHeading);
  }

  function renderResults(data, state) {
    const results = Array.isArray(data.results) ? data.results : [];
    const total = toCount(data.total, results.length);
    const took = Number(data.took_ms);
    const tookText = data.took_ms != null && Number.isFinite(took) ? ` (${msFmt.format(took)} ms)` : '';

    const about = total > EXACT_TOTAL_UP_TO ? 'khoảng ' : '';
    els.status.textContent = total > 0
      ? `Tìm thấy ${about}${numberFmt.format(total)} văn bản${tookText}`
      : `Không tìm thấy văn bản phù hợp${tookText}`;

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

  function renderResultItem(r, state) {
    const item = r && typeof r === 'object' ? r : {};
    const id = str(item.id);
    const title = str(item.title) || id || 'Văn bản không có tiêu đề';

    const heading = h('h3', { class: 'result-title' });
    if (id) heading.append(h('a', { href: docUrl(id, state), 'data-nav': 'doc' }, title));
    else heading.textContent = title; // nothing to open without an id

    const li = h('li', { class: 'result' }, heading);
    const meta = renderMeta(item);
    if (meta.childNodes.length) li.append(meta);

    const snippet = h('p', { class: 'result-snippet' });
    setSnippet(snippet, item.snippet);
    if (snippet.childNodes.length) li.append(snippet);
    return li;
  }

  function renderPager(total, page, shown) {
    const totalPages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)));
    const hasPrev = page > 1;
    const hasNext = page < totalPages && shown > 0;
    els.pager.hidden = !hasPrev && !hasNext;
    els.prev.disabled = !hasPrev;
    els.next.disabled = !hasNext;
    els.pageInfo.textContent = `Trang ${numberFmt.format(page)} / ${numberFmt.format(totalPages)}`;
  }

  /* --------------------------------------------------------------- facets */

  /** Facet name → how it maps onto URL filters. */
  const FACETS = [
    { name: 'type', label: 'Loại văn bản' },
    { name: 'issuer', label: 'Cơ quan ban hành' },
    { name: 'year', label: 'Năm' },
    { name: 'directives', label: 'Văn bản được trích dẫn nhiều' },
  ];

  function isYear(s) {
    return /^\d{4}$/.test(s);
  }

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
    const groups = [];
    for (const { name, label } of FACETS) {
      const entries = facetEntries(facets, name);
      if (!entries.length) continue;

      const list = h('ul', { class: 'facet-list', role: 'list' });
      for (const f of entries) {
        const active = facetActive(name, f.value, state);
        const a = h('a', {
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
        list.append(h('li', null, a));
      }

      const details = h('details', { class: 'facet', 'data-facet': name },
        h('summary', null, label),
        list);
      details.open = facetOpen.has(name) ? facetOpen.get(name) : wideScreen.matches;
      details.addEventListener('toggle', () => facetOpen.set(name, details.open));
      groups.push(details);
    }
    els.facetGroups.replaceChildren(...groups);
    els.facets.hidden = groups.length === 0;
  }

  function renderChips(state, facets) {
    const chips = [];
    const chip = (label, next) => {
      chips.push(h('li', null, h('a', {
        class: 'chip',
        href: searchUrl({ ...next, page: 1 }),
        'data-nav': 'search',
        'aria-label': `${label} — bỏ bộ lọc này`,
      }, h('span', null, label), h('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'))));
    };
    if (state.type) chip(`Loại: ${state.type}`, { ...state, type: '' });
    if (state.issuer) chip(`Cơ quan: ${state.issuer}`, { ...state, issuer: '' });
    if (state.from && state.from === state.to && isYear(state.from)) {
      chip(`Năm: ${state.from}`, { ...state, from: '', to: '' });
    } else {
      if (state.from) chip(`Từ: ${formatDate(state.from)}`, { ...state, from: '' });
      if (state.to) chip(`Đến: ${formatDate(state.to)}`, { ...state, to: '' });
    }
    if (state.cites) {
      const fromFacet = facets ? facetEntries(facets, 'directives').find((f) => f.value === state.cites) : null;
      const label = (fromFacet && fromFacet.label) || directiveLabels.get(state.cites) || state.cites;
      chip(`Trích dẫn: ${label}`, { ...state, cites: '' });
    }
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

  /* ------------------------------------------------------------- document */

  const BACK_LABELS = {
    results: 'Quay lại kết quả',
    doc: 'Quay lại văn bản trước',
    directive: 'Quay lại văn bản chỉ đạo',
    directives: 'Quay lại danh sách văn bản chỉ đạo',
    campaign: 'Quay lại phong trào thi đua',
    campaigns: 'Quay lại danh sách phong trào',
  };

  function backLabel(state) {
    const from = history.state && typeof history.state === 'object' ? history.state.from : '';
    if (from && BACK_LABELS[from]) return BACK_LABELS[from];
    if (from === 'home') return 'Về trang tìm kiếm';
    return state.searchCtx ? 'Quay lại kết quả' : 'Về trang tìm kiếm';
  }

  async function showDocument(state, signal) {
    els.backLabel.textContent = backLabel(state);
    els.docTitle.textContent = 'Đang tải văn bản…';
    els.docMeta.replaceChildren();
    els.docMetadata.replaceChildren();
    els.docMetadataSection.hidden = true;
    els.docText.textContent = '';
    els.docText.classList.remove('is-empty');
    els.docSections.replaceChildren();
    setBusy(true);

    const doc = await api(`/api/documents/${seg(state.doc)}`, signal);
    if (signal.aborted) return;

    renderDocument(doc, state.doc);
    finishRender(els.docView, els.docTitle, { detail: true });
    // Needs one extra request per key; rendered when it arrives.
    renderIsDirective(doc, signal).catch(() => {});
  }

  function renderDocument(doc, requestedId) {
    const id = str(doc.id) || requestedId;
    const title = str(doc.title) || id || 'Văn bản không có tiêu đề';
    els.docTitle.textContent = title;
    document.title = `${title} — vanban`;

    els.docMeta.replaceChildren(...renderMeta({ ...doc, id }).childNodes);

    const rows = documentMetadataRows(doc);
    els.docMetadata.replaceChildren(...kvNodes(rows));
    els.docMetadataSection.hidden = rows.length === 0;

    const citations = arr(doc.citations).filter(isObj);
    renderDocText(typeof doc.text === 'string' ? doc.text : '', citations);
    for (const c of citations) {
      const key = str(c.key);
      const label = joinNonEmpty([str(c.type), str(c.symbol)], ' ');
      if (key && label && !directiveLabels.has(key)) directiveLabels.set(key, label);
    }

    els.docSections.replaceChildren(...[
      citationsSection(citations),
      h('div', { id: 'doc-is-directive', hidden: true }),
      citedBySection(arr(doc.cited_by)),
      docCampaignsSection(arr(doc.campaigns)),
      similarSection(arr(doc.similar)),
    ].filter(Boolean));
  }

  /**
   * The full text, with each citation span (start/end are JS string
   * offsets into `text`) rendered as a link to its directive page. Spans
   * that are invalid or overlap an earlier one are left as plain text.
   */
  function renderDocText(text, citations) {
    const begin = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    if (begin >= end) {
      els.docText.classList.add('is-empty');
      els.docText.textContent = 'Văn bản không có nội dung.';
      return;
    }
    const spans = citations
      .map((c) => ({ key: str(c.key), start: Math.max(begin, Number(c.start)), end: Math.min(end, Number(c.end)), c }))
      .filter((s) => s.key && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end)
      .sort((a, b) => a.start - b.start || b.end - a.end);

    const frag = document.createDocumentFragment();
    let pos = begin;
    for (const s of spans) {
      if (s.start < pos) continue; // overlaps the previous link
      if (s.start > pos) frag.append(text.slice(pos, s.start));
      const label = joinNonEmpty([str(s.c.type), str(s.c.symbol)], ' ');
      frag.append(h('a', {
        class: 'cite-link',
        href: directiveUrl(s.key),
        'data-nav': 'directive',
        title: label ? `Xem ${label}` : null,
      }, text.slice(s.start, s.end)));
      pos = s.end;
    }
    if (pos < end) frag.append(text.slice(pos, end));
    els.docText.replaceChildren(frag);
  }

  /** Vietnamese metadata block: [label, string | Node] rows, empty values skipped. */
  function documentMetadataRows(doc) {
    const m = isObj(doc.metadata) ? doc.metadata : {};
    const rows = [];
    const push = (label, value) => {
      if (value instanceof Node || (typeof value === 'string' && value)) rows.push([label, value]);
    };

    push('Cơ quan ban hành', str(m.issuer));
    const symbol = str(m.symbol) || str(doc.symbol);
    const unnumbered = str(m.unnumbered_symbol);
    if (symbol) push('Số/ký hiệu', symbol);
    else if (unnumbered) push('Số/ký hiệu', `Chưa có số: ${unnumbered}`);
    else if (m.unnumbered === true) push('Số/ký hiệu', 'Chưa có số');
    push('Loại văn bản', str(m.type) || str(doc.type));
    const date = str(m.date) || str(doc.date);
    if (date) push('Ngày ban hành', timeEl(date));
    push('Nơi ban hành', str(m.place));
    push('Trích yếu', str(m.subject));
    push('Kính gửi', listNode(arr(m.recipients)));
    push('Nơi nhận', listNode(arr(m.distribution)));
    if (isObj(m.signer)) {
      const authority = str(m.signer.authority);
      const name = str(m.signer.name);
      if (authority || name) {
        push('Người ký', h('span', { class: 'signer' },
          authority ? h('span', { class: 'signer-authority' }, authority) : null,
          name ? h('span', { class: 'signer-name' }, name) : null));
      }
    } else {
      push('Người ký', str(m.signer));
    }

    // Free-form keys of other collections (.jsonl metadata): shown verbatim.
    for (const [key, value] of Object.entries(m)) {
      if (KNOWN_METADATA.has(key) || value == null) continue;
      const v = Array.isArray(value)
        ? value.filter((x) => x != null && x !== '').map(printable).join(', ')
        : printable(value);
      if (v !== '') push(METADATA_LABELS[key] || key, v);
    }
    return rows;
  }

  /** Keys handled above, or internal to the indexer (not meant for readers). */
  const KNOWN_METADATA = new Set([
    'issuer', 'symbol', 'type', 'date', 'subject', 'recipients', 'distribution', 'signer', 'place',
    'unnumbered', 'unnumbered_symbol', 'issuer_source',
  ]);

  const METADATA_LABELS = {
    agency: 'Cơ quan ban hành',
    field: 'Lĩnh vực',
    effective_date: 'Ngày hiệu lực',
    status: 'Tình trạng',
    source: 'Nguồn',
    url: 'Đường dẫn gốc',
    language: 'Ngôn ngữ',
  };

  function printable(value) {
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'object') {
      try {
        return JSON.stringify(value);
      } catch {
        return '';
      }
    }
    return String(value);
  }

  /** "Văn bản trích dẫn": one entry per cited directive, in order of first mention. */
  function citationsSection(citations) {
    const byKey = new Map();
    const items = [];
    for (const c of citations) {
      const key = str(c.key);
      const dedupe = key || `${str(c.type)} ${str(c.symbol)} ${str(c.date)}`;
      if (byKey.has(dedupe)) {
        byKey.get(dedupe).count += 1;
        continue;
      }
      const entry = { c, key, count: 1 };
      byKey.set(dedupe, entry);
      items.push(entry);
    }
    if (!items.length) return null;

    const list = h('ul', { class: 'entry-list', role: 'list' });
    for (const { c, key, count } of items) {
      const label = joinNonEmpty([str(c.type), str(c.symbol)], ' ') || str(c.text) || key;
      const title = key
        ? h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label)
        : h('span', null, label);
      const li = h('li', { class: 'entry' }, h('p', { class: 'entry-title' }, title));
      const meta = metaLine([
        str(c.date) ? timeEl(str(c.date)) : null,
        str(c.issuer),
        count > 1 ? `nhắc đến ${numberFmt.format(count)} lần` : '',
      ]);
      if (meta) li.append(meta);
      if (str(c.subject)) li.append(h('p', { class: 'entry-text' }, str(c.subject)));
      list.append(li);
    }
    return section('doc-citations', `Văn bản trích dẫn (${numberFmt.format(items.length)})`, list);
  }

  /**
   * "Là văn bản được trích dẫn": the document IS one of the cited
   * directives. The API gives only keys, so each is looked up for its label.
   */
  async function renderIsDirective(doc, signal) {
    const keys = arr(doc.is_directive).map(str).filter(Boolean);
    if (!keys.length) return;
    const details = await Promise.all(keys.map((k) => api(`/api/directives/${seg(k)}`, signal).catch((err) => {
      if (err && err.name === 'AbortError') throw err;
      return null;
    })));
    if (signal.aborted) return;
    const slot = $('doc-is-directive');
    if (!slot) return;

    const list = h('ul', { class: 'entry-list', role: 'list' });
    keys.forEach((key, i) => {
      const d = isObj(details[i]) ? details[i] : {};
      const label = joinNonEmpty([str(d.type), str(d.symbol)], ' ') || directiveLabels.get(key) || key;
      const li = h('li', { class: 'entry' },
        h('p', { class: 'entry-title' }, h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label)));
      const n = toCount(d.cited_by_count, -1);
      const meta = metaLine([
        str(d.date) ? timeEl(str(d.date)) : null,
        str(d.issuer),
        n >= 0 ? `được ${numberFmt.format(n)} văn bản trích dẫn` : '',
      ]);
      if (meta) li.append(meta);
      list.append(li);
    });
    const intro = h('p', { class: 'section-intro' }, 'Văn bản này chính là văn bản được các văn bản khác trích dẫn dưới số hiệu:');
    slot.replaceWith(section('doc-is-directive', 'Là văn bản được trích dẫn', intro, list));
  }

  function citedBySection(citedBy) {
    const items = citedBy.filter(isObj).filter((c) => str(c.id));
    if (!items.length) return null;
    const list = h('ul', { class: 'entry-list', role: 'list' },
      items.map((c) => citingEntry(c, [])));
    return section('doc-cited-by', `Được trích dẫn bởi (${numberFmt.format(items.length)})`, list);
  }

  /** A document that cites something, with the citing sentence (text, with `needles` marked). */
  function citingEntry(c, needles) {
    const id = str(c.id);
    const li = h('li', { class: 'entry' },
      h('p', { class: 'entry-title' }, h('a', { href: docUrl(id), 'data-nav': 'doc' }, str(c.title) || id)));
    const meta = metaLine([str(c.date) ? timeEl(str(c.date)) : null]);
    if (meta) li.append(meta);
    const sentence = str(c.sentence);
    if (sentence) li.append(h('blockquote', { class: 'quote' }, markText(sentence, needles)));
    return li;
  }

  function docCampaignsSection(campaigns) {
    // The same campaign may be listed more than once (one entry per name
    // variant found in the text): show it once.
    const byId = new Map();
    for (const c of campaigns.filter(isObj)) {
      const id = str(c.id);
      if (!id) continue;
      const prev = byId.get(id);
      if (prev) {
        prev.local = prev.local || c.local === true;
        prev.launched = prev.launched || c.launched === true;
      } else {
        byId.set(id, { id, name: str(c.name) || id, local: c.local === true, launched: c.launched === true });
      }
    }
    if (!byId.size) return null;
    const list = h('ul', { class: 'entry-list', role: 'list' });
    for (const c of byId.values()) {
      list.append(h('li', { class: 'entry' },
        h('p', { class: 'entry-title' },
          h('a', { href: campaignUrl(c.id), 'data-nav': 'campaign' }, c.name),
          c.local ? badge('địa phương') : null,
          c.launched ? badge('văn bản này phát động', 'badge-strong') : null)));
    }
    return section('doc-campaigns', `Phong trào thi đua (${numberFmt.format(byId.size)})`, list);
  }

  function similarSection(similar) {
    const items = similar.filter(isObj).filter((s) => str(s.id));
    if (!items.length) return null;
    const list = h('ul', { class: 'entry-list', role: 'list' });
    for (const s of items) {
      const id = str(s.id);
      const li = h('li', { class: 'entry' },
        h('p', { class: 'entry-title' }, h('a', { href: docUrl(id), 'data-nav': 'doc' }, str(s.title) || id)));
      const meta = metaLine([str(s.date) ? timeEl(str(s.date)) : null]);
      if (meta) li.append(meta);
      list.append(li);
    }
    return section('doc-similar', 'Văn bản tương tự', list);
  }

  /* ------------------------------------------------------- directive list */

  async function showDirectives(state, signal) {
    document.title = 'Văn bản chỉ đạo — vanban';
    const filters = { q: state.q, type: state.type, year: state.year, issuer: state.issuer };
    els.dirQ.value = filters.q;
    els.dirYear.value = filters.year;
    els.dirIssuer.value = filters.issuer;
    els.dirYear.removeAttribute('aria-invalid');
    fillTypeSelect(filters.type);
    const filtered = Boolean(filters.q || filters.type || filters.year || filters.issuer);
    els.dirReset.hidden = !filtered;

    els.dirList.replaceChildren();
    els.dirPager.hidden = true;
    els.dirStatus.textContent = 'Đang tải danh sách…';
    setBusy(true);

    const params = new URLSearchParams({
      offset: String((state.page - 1) * DIR_PAGE_SIZE),
      limit: String(DIR_PAGE_SIZE),
    });
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    const data = await api(`/api/directives?${params}`, signal);
    if (signal.aborted) return;

    const list = arr(data.directives).filter(isObj);
    const total = toCount(data.total, list.length);
    learnDirectives(list);
    fillTypeSelect(filters.type);

    els.dirStatus.textContent = total > 0
      ? `${filtered ? 'Tìm thấy' : 'Có'} ${numberFmt.format(total)} văn bản chỉ đạo`
      : 'Không có văn bản chỉ đạo nào phù hợp với bộ lọc.';
    els.dirList.replaceChildren(...list.map(directiveCard));
    if (!list.length && total > 0) {
      els.dirList.append(h('li', { class: 'result-empty' }, 'Trang này không có kết quả. Hãy quay lại trang trước.'));
    }

    const totalPages = Math.min(DIR_MAX_PAGE, Math.max(1, Math.ceil(total / DIR_PAGE_SIZE)));
    renderLinkPager(els.dirPager, state.page, totalPages, (page) => directivesUrl({ ...filters, page }));
    finishRender(els.directivesView, els.directivesHeading);

    // The list endpoint has no facets: collect the types once from a larger page.
    if (!directiveTypesLoaded) {
      directiveTypesLoaded = true;
      api('/api/directives?limit=500', signal).then((all) => {
        learnDirectives(arr(all.directives).filter(isObj));
        if (!signal.aborted) fillTypeSelect(els.dirType.value);
      }).catch(() => { directiveTypesLoaded = false; });
    }
  }

  function learnDirectives(list) {
    for (const d of list) {
      const type = str(d.type);
      if (type) directiveTypes.add(type);
      const key = str(d.key);
      const label = joinNonEmpty([type, str(d.symbol)], ' ');
      if (key && label) directiveLabels.set(key, label);
    }
  }

  function fillTypeSelect(selected) {
    const types = new Set(directiveTypes);
    if (selected) types.add(selected);
    const sorted = Array.from(types).sort(collator.compare);
    const current = Array.from(els.dirType.options).slice(1).map((o) => o.value);
    if (current.join('\n') !== sorted.join('\n')) {
      els.dirType.replaceChildren(h('option', { value: '' }, 'Tất cả'),
        ...sorted.map((t) => h('option', { value: t }, t)));
    }
    els.dirType.value = selected || '';
  }

  function directiveCard(d) {
    const key = str(d.key);
    const label = joinNonEmpty([str(d.type), str(d.symbol)], ' ') || key || 'Văn bản không rõ số hiệu';
    const heading = h('h3', { class: 'item-title' },
      key ? h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label) : label);
    const li = h('li', { class: 'item' }, heading);
    const meta = metaLine([str(d.date) ? timeEl(str(d.date)) : null, str(d.issuer)]);
    if (meta) li.append(meta);
    if (str(d.subject)) li.append(h('p', { class: 'item-text' }, str(d.subject)));
    const n = toCount(d.cited_by_count, 0);
    const inCorpus = arr(d.documents).length;
    li.append(h('p', { class: 'item-stats' },
      h('span', { class: 'stat' }, `Được trích dẫn bởi ${numberFmt.format(n)} văn bản`),
      inCorpus ? badge('có trong kho') : null));
    return li;
  }

  /* ------------------------------------------------------- directive page */

  async function showDirective(state, signal) {
    els.directiveTitle.textContent = 'Đang tải…';
    els.directiveCrumb.textContent = '';
    els.directiveMeta.replaceChildren();
    els.directiveSearch.hidden = true;
    els.directiveSections.replaceChildren();
    setBusy(true);

    const d = await api(`/api/directives/${seg(state.directive)}`, signal);
    if (signal.aborted) return;

    const key = str(d.key) || state.directive;
    const title = joinNonEmpty([str(d.type), str(d.symbol)], ' ') || key;
    directiveLabels.set(key, title);
    els.directiveTitle.textContent = title;
    els.directiveCrumb.textContent = title;
    document.title = `${title} — Văn bản chỉ đạo — vanban`;
    const aliases = arr(d.aliases).map(str).filter(Boolean);
    const rows = directiveMetaRows(d, aliases);
    els.directiveMeta.replaceChildren(...kvNodes(rows));
    els.directiveMeta.hidden = rows.length === 0;
    els.directiveSearch.replaceChildren(h('a', {
      class: 'btn btn-secondary', href: searchUrl({ cites: key }), 'data-nav': 'search',
    }, 'Tìm các văn bản trích dẫn'));
    els.directiveSearch.hidden = false;

    const docs = arr(d.documents).filter(isObj).filter((x) => str(x.id));
    els.directiveSections.replaceChildren(...[
      linkedDocumentsSection(docs),
      citingSection(d, [str(d.symbol), ...aliases].filter(Boolean)),
      relatedDirectivesSection('directive-co-cited', 'Thường được trích dẫn cùng', d.co_cited,
        (n) => ` — cùng được trích dẫn trong ${numberFmt.format(n)} văn bản`),
    ].filter(Boolean));
    finishRender(els.directiveView, els.directiveTitle, { detail: true });

    // `documents` carry only ids: look up their titles (bounded).
    fillDocTitles(els.directiveSections,
      docs.filter((x) => !str(x.title)).slice(0, TITLE_LOOKUPS_MAX).map((x) => str(x.id)), signal);
  }

  function directiveMetaRows(d, aliases) {
    const rows = [];
    if (str(d.date)) rows.push(['Ngày ban hành', timeEl(str(d.date))]);
    if (str(d.issuer)) rows.push(['Cơ quan ban hành', str(d.issuer)]);
    if (str(d.subject)) rows.push(['Trích yếu', str(d.subject)]);
    if (aliases.length) rows.push(['Cách ghi khác', aliases.join('; ')]);
    return rows;
  }

  /** The corpus documents that are this directive, with how sure the link is. */
  function linkedDocumentsSection(docs) {
    if (!docs.length) return null;
    const list = h('ul', { class: 'entry-list', role: 'list' });
    for (const x of docs) {
      const id = str(x.id);
      const li = h('li', { class: 'entry' },
        h('p', { class: 'entry-title' },
          h('a', { href: docUrl(id), 'data-nav': 'doc', 'data-doc-title-for': id }, str(x.title) || id)));
      const conf = Number(x.confidence);
      const meta = metaLine([
        Number.isFinite(conf) ? `Độ tin cậy: ${pctFmt.format(Math.min(1, Math.max(0, conf)))}` : '',
        str(x.how) ? `Cách xác định: ${HOW_LABELS[str(x.how)] || str(x.how)}` : '',
      ]);
      if (meta) li.append(meta);
      list.append(li);
    }
    return section('directive-docs', 'Văn bản trong kho',
      h('p', { class: 'section-intro' }, 'Các văn bản của kho được xác định chính là văn bản này:'), list);
  }

  /** The documents citing a directive, each with its citing sentence. */
  function citingSection(d, needles) {
    const citing = arr(d.citing).filter(isObj).filter((x) => str(x.id));
    if (!citing.length) return null;
    const citedCount = Math.max(toCount(d.cited_by_count, 0), citing.length);
    const list = h('ul', { class: 'entry-list', role: 'list' }, citing.map((c) => citingEntry(c, needles)));
    const note = citedCount > citing.length
      ? h('p', { class: 'section-intro' }, `Hiển thị ${numberFmt.format(citing.length)} văn bản đầu tiên.`)
      : null;
    return section('directive-citing', `Các văn bản trích dẫn (${numberFmt.format(citedCount)})`, note, list);
  }

  /** A list of directives ({key, type, symbol, count}) linking to their pages. */
  function relatedDirectivesSection(id, title, items, countText) {
    const related = arr(items).filter(isObj).filter((x) => str(x.key));
    if (!related.length) return null;
    const list = h('ul', { class: 'entry-list entry-list-compact', role: 'list' });
    for (const x of related) {
      const key = str(x.key);
      const label = joinNonEmpty([str(x.type), str(x.symbol)], ' ') || key;
      directiveLabels.set(key, label);
      list.append(h('li', { class: 'entry' },
        h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label),
        h('span', { class: 'entry-count' }, countText(toCount(x.count, 0)))));
    }
    return section(id, title, list);
  }

  function fillDocTitles(container, ids, signal) {
    for (const id of ids) {
      api(`/api/documents/${seg(id)}`, signal).then((doc) => {
        const title = str(doc.title);
        if (!title || signal.aborted) return;
        for (const a of container.querySelectorAll('a[data-doc-title-for]')) {
          if (a.dataset.docTitleFor !== id) continue;
          a.textContent = title;
          // Keep the id visible next to the title that replaced it.
          const entry = a.closest('.entry');
          if (entry && !entry.querySelector('.doc-id')) {
            const code = h('code', { class: 'doc-id', title: 'Mã văn bản' }, id);
            const meta = entry.querySelector('.meta');
            if (meta) meta.prepend(code, h('span', { class: 'meta-sep', 'aria-hidden': 'true' }, ' · '));
            else a.closest('.entry-title').after(h('p', { class: 'meta' }, code));
          }
        }
      }).catch(() => {});
    }
  }

  /* -------------------------------------------------------- campaign list */

  async function showCampaigns(state, signal) {
    document.title = 'Phong trào thi đua — vanban';
    els.campList.replaceChildren();
    els.campStatus.textContent = 'Đang tải danh sách…';
    setBusy(true);

    const data = await api('/api/campaigns', signal);
    if (signal.aborted) return;

    const list = arr(data.campaigns).filter(isObj).filter((c) => str(c.id));
    const total = toCount(data.total, list.length);
    els.campStatus.textContent = total > 0
      ? `Có ${numberFmt.format(total)} phong trào thi đua`
      : 'Chưa có phong trào thi đua nào trong kho.';
    els.campList.replaceChildren(...list.map((c) => {
      const id = str(c.id);
      const variants = arr(c.variants).filter(isObj);
      const launchers = arr(c.launchers).map(str).filter(Boolean);
      const li = h('li', { class: 'item' },
        h('h3', { class: 'item-title' }, h('a', { href: campaignUrl(id), 'data-nav': 'campaign' }, str(c.name) || id)));
      li.append(h('p', { class: 'item-stats' },
        h('span', { class: 'stat' }, `${numberFmt.format(toCount(c.document_count, 0))} văn bản`),
        h('span', { class: 'stat' }, `${numberFmt.format(variants.length)} cách gọi`),
        variants.some((v) => v.local === true) ? badge('có biến thể địa phương') : null));
      if (launchers.length) li.append(h('p', { class: 'item-text' }, `Đơn vị phát động: ${launchers.join('; ')}`));
      return li;
    }));
    finishRender(els.campaignsView, els.campaignsHeading);
  }

  /* -------------------------------------------------------- campaign page */

  async function showCampaign(state, signal) {
    els.campaignTitle.textContent = 'Đang tải…';
    els.campaignCrumb.textContent = '';
    els.campaignMeta.replaceChildren();
    els.campaignSections.replaceChildren();
    setBusy(true);

    const c = await api(`/api/campaigns/${seg(state.campaign)}`, signal);
    if (signal.aborted) return;

    const name = str(c.name) || str(c.id) || state.campaign;
    els.campaignTitle.textContent = name;
    els.campaignCrumb.textContent = name;
    document.title = `${name} — Phong trào thi đua — vanban`;

    const variants = arr(c.variants).filter(isObj).filter((v) => str(v.name));
    const docs = arr(c.documents).filter(isObj).filter((d) => str(d.id));
    els.campaignMeta.replaceChildren(...metaParts([
      `${numberFmt.format(toCount(c.document_count, docs.length))} văn bản`,
      `${numberFmt.format(variants.length)} cách gọi`,
    ]));
    els.campaignSections.replaceChildren(...[
      variantsSection(variants),
      launchersSection(arr(c.launchers).map(str).filter(Boolean)),
      campaignDocumentsSection(docs),
      relatedDirectivesSection('campaign-directives', 'Văn bản chỉ đạo được trích dẫn', c.cited_directives,
        (n) => ` — trích dẫn trong ${numberFmt.format(n)} văn bản`),
    ].filter(Boolean));
    finishRender(els.campaignView, els.campaignTitle, { detail: true });
  }

  function variantsSection(variants) {
    if (!variants.length) return null;
    const list = h('ul', { class: 'entry-list entry-list-compact', role: 'list' });
    for (const v of variants) {
      list.append(h('li', { class: 'entry' },
        h('span', { class: 'entry-name' }, str(v.name)),
        v.local === true ? badge('địa phương') : null,
        h('span', { class: 'entry-count' }, ` — ${numberFmt.format(toCount(v.documents, 0))} văn bản`)));
    }
    return section('campaign-variants', 'Các cách gọi', list);
  }

  function launchersSection(launchers) {
    if (!launchers.length) return null;
    return section('campaign-launchers', 'Đơn vị phát động',
      h('ul', { class: 'plain-list' }, launchers.map((l) => h('li', null, l))));
  }

  function campaignDocumentsSection(docs) {
    if (!docs.length) return null;
    const list = h('ul', { class: 'entry-list', role: 'list' });
    for (const d of docs) {
      const did = str(d.id);
      const li = h('li', { class: 'entry' },
        h('p', { class: 'entry-title' },
          h('a', { href: docUrl(did), 'data-nav': 'doc' }, str(d.title) || did),
          d.launches === true ? badge('văn bản phát động', 'badge-strong') : null));
      const meta = metaLine([str(d.date) ? timeEl(str(d.date)) : null]);
      if (meta) li.append(meta);
      const names = arr(d.names).map(str).filter(Boolean);
      if (names.length) li.append(h('p', { class: 'entry-text' }, `Tên gọi trong văn bản: ${names.join('; ')}`));
      list.append(li);
    }
    return section('campaign-docs', `Văn bản (${numberFmt.format(docs.length)})`, list);
  }

  /* --------------------------------------------------------------- shared */

  /** Tiny element builder: attributes are set with setAttribute, children appended as nodes/text. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === 'class') el.className = v;
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat()) {
      if (c == null || c === false || c === '') continue;
      el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }

  /** A titled section (h3) of a detail page. */
  function section(id, title, ...content) {
    const headingId = `${id}-heading`;
    return h('section', { class: 'detail-section', id, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, title),
      ...content);
  }

  function badge(text, extra = '') {
    return h('span', { class: extra ? `badge ${extra}` : 'badge' }, text);
  }

  /** <dt>/<dd> pairs for a <dl>. */
  function kvNodes(rows) {
    const out = [];
    for (const [label, value] of rows) {
      out.push(h('dt', null, label), h('dd', null, value));
    }
    return out;
  }

  function listNode(items) {
    const values = items.map(str).filter(Boolean);
    if (!values.length) return '';
    if (values.length === 1) return values[0];
    return h('ul', { class: 'plain-list' }, values.map((v) => h('li', null, v)));
  }

  function timeEl(date) {
    const t = h('time', null, formatDate(date));
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) t.dateTime = date;
    return t;
  }

  /** "a · b · c" children (separators hidden from screen readers). */
  function metaParts(parts) {
    const out = [];
    for (const part of parts) {
      if (part == null || part === '') continue;
      if (out.length) out.push(h('span', { class: 'meta-sep', 'aria-hidden': 'true' }, ' · '));
      out.push(part instanceof Node ? part : h('span', null, part));
    }
    return out;
  }

  function metaLine(parts) {
    const children = metaParts(parts);
    return children.length ? h('p', { class: 'meta' }, ...children) : null;
  }

  /** Text with every occurrence of the needles (case-insensitive) wrapped in <mark>. */
  function markText(text, needles) {
    const frag = document.createDocumentFragment();
    const lower = text.toLocaleLowerCase('vi');
    const wanted = needles.map((n) => n.toLocaleLowerCase('vi')).filter(Boolean);
    if (!wanted.length || lower.length !== text.length) {
      frag.append(text);
      return frag;
    }
    let pos = 0;
    while (pos < text.length) {
      let best = -1;
      let len = 0;
      for (const w of wanted) {
        const i = lower.indexOf(w, pos);
        if (i >= 0 && (best < 0 || i < best || (i === best && w.length > len))) {
          best = i;
          len = w.length;
        }
      }
      if (best < 0) break;
      if (best > pos) frag.append(text.slice(pos, best));
      frag.append(h('mark', null, text.slice(best, best + len)));
      pos = best + len;
    }
    if (pos < text.length) frag.append(text.slice(pos));
    return frag;
  }

  /** Link pager (prev / "Trang x / y" / next) for list views. */
  function renderLinkPager(nav, page, totalPages, urlFor) {
    if (totalPages <= 1 && page <= 1) {
      nav.hidden = true;
      nav.replaceChildren();
      return;
    }
    const link = (target, label, key) => (target >= 1 && target <= totalPages && target !== page
      ? h('a', { class: 'btn btn-secondary', href: urlFor(target), 'data-nav': 'list-page', 'data-focus-key': key }, label)
      : h('span', { class: 'btn btn-secondary is-disabled', 'aria-disabled': 'true' }, label));
    nav.replaceChildren(
      link(page - 1, 'Trang trước', 'pager-prev'),
      h('span', { class: 'page-info' }, `Trang ${numberFmt.format(page)} / ${numberFmt.format(totalPages)}`),
      link(page + 1, 'Trang sau', 'pager-next'));
    nav.hidden = false;
  }

  /** Meta line shared by result items and the document view: date · type · symbol · issuer · id. */
  function renderMeta(item) {
    const parts = [];
    const date = str(item.date);
    if (date) parts.push(timeEl(date));
    for (const [value, cls] of [[str(item.type), 'meta-type'], [str(item.symbol), 'meta-symbol'], [str(item.issuer), 'meta-issuer']]) {
      if (value) parts.push(h('span', { class: cls }, value));
    }
    const id = str(item.id);
    if (id) parts.push(h('code', { class: 'doc-id', title: 'Mã văn bản' }, id));
    return h('p', { class: 'meta' }, ...metaParts(parts));
  }

  /** YYYY-MM-DD → dd/mm/yyyy, YYYY-MM → mm/yyyy, anything else unchanged. */
  function formatDate(s) {
    let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    m = /^(\d{4})-(\d{2})$/.exec(s);
    if (m) return `${m[2]}/${m[1]}`;
    return s;
  }

  /** Fields may be missing or of the wrong type; render them as (trimmed) strings or ''. */
  function str(v) {
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return '';
  }

  function arr(v) {
    return Array.isArray(v) ? v : [];
  }

  function isObj(v) {
    return v != null && typeof v === 'object' && !Array.isArray(v);
  }

  function joinNonEmpty(parts, sep) {
    return parts.filter(Boolean).join(sep);
  }

  function toCount(v, fallback) {
    const n = Number(v);
    return v != null && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
  }

  /* --------------------------------------------------------------- events */

  function onSubmit(e) {
    e.preventDefault();
    const q = normalizeQuery(els.input.value);
    // Refining a query on the results page keeps its filters; a search from
    // anywhere else starts clean. An empty query lists every document.
    const keep = currentView === 'results' ? parseState(location.search) : {};
    const next = { q, page: 1 };
    for (const k of SEARCH_FILTERS) next[k] = keep[k] || '';
    saveScroll({ focusHref: null });
    // fresh: an explicit search always hits the server, even if cached.
    // Focus stays in the search box; the status line announces the result count.
    navigate(searchUrl(next), { fresh: true });
  }

  function onDirectivesSubmit(e) {
    e.preventDefault();
    const year = normalizeQuery(els.dirYear.value);
    if (year && !isYear(year)) {
      els.dirYear.setAttribute('aria-invalid', 'true');
      showAlert('Năm ban hành phải gồm 4 chữ số, ví dụ 2023.');
      els.dirYear.focus();
      return;
    }
    els.dirYear.removeAttribute('aria-invalid');
    saveScroll({ focusHref: null });
    navigate(directivesUrl({
      q: normalizeQuery(els.dirQ.value),
      type: els.dirType.value,
      year,
      issuer: normalizeQuery(els.dirIssuer.value),
    }), { focus: 'heading' });
  }

  /**
   * In-app links are real <a href> (shareable, open-in-new-tab works); plain
   * left clicks are intercepted and turned into pushState navigation.
   */
  function onDocumentClick(e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest('a[data-nav]') : null;
    if (!a) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    e.preventDefault();

    // Remember which link was followed, to give it focus again on "back".
    saveScroll({ focusHref: a.getAttribute('href') });
    const kind = a.dataset.nav;
    let focus = 'heading';
    if (kind === 'home') focus = 'input';
    else if (a.dataset.focusKey) focus = { key: a.dataset.focusKey };
    navigate(url.pathname + url.search, { focus });
  }

  function onBack() {
    const st = history.state && typeof history.state === 'object' ? history.state : {};
    // Reached from another page of the app: really go back, so the browser
    // keeps its entry and we restore its scroll position and focus.
    if (st.from) {
      history.back();
      return;
    }
    const state = parseState(location.search);
    if (state.searchCtx) navigate(searchUrl(state), { focus: 'heading' });
    else navigate('/', { focus: 'input' });
  }

  function goToPage(delta) {
    const state = parseState(location.search);
    saveScroll({ focusHref: null });
    navigate(searchUrl({ ...state, page: Math.max(1, state.page + delta) }), { focus: 'heading' });
  }

  function init() {
    // We restore scroll ourselves once async content is rendered; the
    // browser's automatic restoration fires before the content exists.
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

    els.form.addEventListener('submit', onSubmit);
    els.dirForm.addEventListener('submit', onDirectivesSubmit);
    document.addEventListener('click', onDocumentClick);
    els.back.addEventListener('click', onBack);
    els.prev.addEventListener('click', () => goToPage(-1));
    els.next.addEventListener('click', () => goToPage(1));
    window.addEventListener('popstate', () => {
      clearTimeout(scrollTimer);
      pendingFocus = null;
      restoring = true;
      route();
    });
    // Keep the current entry's scroll position up to date so "back" lands where the user was.
    window.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(() => saveScroll(), 200);
    }, { passive: true });

    const initial = parseState(location.search);
    pendingFocus = initial.view === 'home' ? 'input' : null;
    route();
  }

  init();
})();
