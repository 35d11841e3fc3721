/*
 * vanban — client for the search page.
 *
 * Plain ES2020, no dependencies, no build step. The page is served with a strict
 * CSP (script-src 'self', style-src 'self'), so: no inline handlers, no style
 * attributes, no eval — everything is wired up here with addEventListener and
 * visibility is toggled with the `hidden` attribute / CSS classes.
 *
 * State lives in the URL (?q=…&page=N, plus &doc=ID for the document view);
 * route() renders whatever the URL says, so reload, back/forward and shared
 * links all go through the same code path.
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

  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'),
    input: $('q'),
    alert: $('alert'),
    intro: $('intro'),
    resultsView: $('results-view'),
    resultsHeading: $('results-heading'),
    status: $('status'),
    suggestion: $('suggestion'),
    relaxed: $('relaxed'),
    results: $('results'),
    pager: $('pager'),
    prev: $('prev'),
    next: $('next'),
    pageInfo: $('page-info'),
    docView: $('doc-view'),
    doc: $('doc'),
    back: $('back'),
    backLabel: $('back-label'),
    docTitle: $('doc-title'),
    docMeta: $('doc-meta'),
    docMetadataSection: $('doc-metadata-section'),
    docMetadata: $('doc-metadata'),
    docText: $('doc-text'),
  };

  const numberFmt = new Intl.NumberFormat('vi-VN');
  const msFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

  const searchCache = new Map();
  let inflight = null;      // AbortController of the request currently being rendered
  let pendingFocus = null;  // 'results' | 'doc' | 'input' — where focus goes after the next render
  let lastDocId = '';       // document we came back from, to return focus to its link
  let shownDocId = '';      // document currently displayed ('' when not in the document view)
  let scrollTimer = 0;

  /* ------------------------------------------------------------------ API */

  class ApiError extends Error {}

  /**
   * GET a JSON endpoint. Always rejects with an ApiError carrying a
   * user-facing Vietnamese message (or the server's own `error` string),
   * except for AbortError, which callers ignore.
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
      const msg = data && typeof data.error === 'string' && data.error.trim()
        ? data.error.trim()
        : `Máy chủ trả về lỗi (HTTP ${res.status}). Vui lòng thử lại sau.`;
      throw new ApiError(msg);
    }
    if (!data || typeof data !== 'object') {
      throw new ApiError('Phản hồi từ máy chủ không hợp lệ.');
    }
    return data;
  }

  /* ------------------------------------------------------------ URL state */

  function parseState(search) {
    const p = new URLSearchParams(search);
    return {
      q: normalizeQuery(p.get('q') || ''),
      page: Math.min(MAX_PAGE, Math.max(1, parseInt(p.get('page'), 10) || 1)),
      doc: (p.get('doc') || '').trim(),
    };
  }

  function buildUrl({ q = '', page = 1, doc = '' } = {}) {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    if (q && page > 1) p.set('page', String(page));
    if (doc) p.set('doc', doc);
    const s = p.toString();
    return s ? `?${s}` : location.pathname;
  }

  /**
   * NFC because some keyboards/OSes (notably macOS) produce decomposed
   * Vietnamese (base letter + combining marks); the index should see one form.
   */
  function normalizeQuery(q) {
    return String(q).normalize('NFC').replace(/\s+/g, ' ').trim();
  }

  function saveScroll() {
    clearTimeout(scrollTimer);
    const state = history.state && typeof history.state === 'object' ? history.state : {};
    history.replaceState({ ...state, scrollY: window.scrollY }, '');
  }

  /** Push a new history entry (or replace it when the URL is unchanged) and render it. */
  function navigate(next, { fromResults = false, fresh = false, focus = null } = {}) {
    saveScroll(); // remember where we were on the entry we are leaving
    const url = buildUrl(next);
    const current = location.search || location.pathname;
    const entry = { fromResults };
    if (url === current) history.replaceState(entry, '', url);
    else history.pushState(entry, '', url);
    pendingFocus = focus;
    route({ fresh });
  }

  /* -------------------------------------------------------------- routing */

  async function route({ fresh = false } = {}) {
    if (inflight) inflight.abort(); // a slow old response must never overwrite a newer view
    inflight = new AbortController();
    const { signal } = inflight;

    const state = parseState(location.search);
    els.input.value = state.q;
    shownDocId = state.doc;
    clearAlert();

    try {
      if (state.doc) await showDocument(state, signal);
      else if (state.q) await showSearch(state, signal, fresh);
      else showHome();
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      showError(err, state);
    } finally {
      if (!signal.aborted) setBusy(false);
    }
  }

  function setView(name) {
    els.intro.hidden = name !== 'home';
    els.resultsView.hidden = name !== 'results';
    els.docView.hidden = name !== 'doc';
  }

  /*
   * aria-busy goes on the content being replaced, never on <main>: screen
   * readers may hold back live-region announcements (status, alert) inside a
   * busy subtree.
   */
  function setBusy(busy) {
    for (const el of [els.results, els.doc]) {
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

  function showError(err, state) {
    const message = err instanceof ApiError && err.message
      ? err.message
      : 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
    showAlert(message);
    if (state.doc) {
      els.docTitle.textContent = 'Không thể hiển thị văn bản';
    } else {
      els.status.textContent = '';
    }
    pendingFocus = null;
  }

  /** Restore the scroll position saved for this history entry (0 for new entries). */
  function restoreScroll() {
    const y = history.state && Number.isFinite(history.state.scrollY) ? history.state.scrollY : 0;
    window.scrollTo(0, y);
  }

  function showHome() {
    setView('home');
    document.title = 'vanban — Tra cứu văn bản hành chính';
    restoreScroll();
    if (pendingFocus === 'input') els.input.focus();
    pendingFocus = null;
  }

  /* --------------------------------------------------------------- search */

  async function showSearch({ q, page }, signal, fresh) {
    setView('results');
    document.title = `${q} — Tìm kiếm — vanban`;
    els.resultsHeading.textContent = `Kết quả cho “${q}”`;

    const key = `${page}\n${q}`;
    let data = fresh ? null : searchCache.get(key);
    if (!data) {
      els.results.replaceChildren();
      els.suggestion.hidden = true;
      els.relaxed.hidden = true;
      els.pager.hidden = true;
      els.status.textContent = 'Đang tìm kiếm…';
      setBusy(true);

      const params = new URLSearchParams({
        q,
        offset: String((page - 1) * PAGE_SIZE),
        limit: String(PAGE_SIZE),
      });
      data = await api(`/api/search?${params}`, signal);
      if (signal.aborted) return;
      searchCache.set(key, data);
      if (searchCache.size > CACHE_MAX) searchCache.delete(searchCache.keys().next().value);
    }

    renderResults(data, q, page);
    restoreScroll();
    applyResultsFocus();
  }

  function applyResultsFocus() {
    const link = lastDocId
      ? Array.from(els.results.querySelectorAll('a[data-doc-id]')).find((a) => a.dataset.docId === lastDocId)
      : null;
    if (link) {
      link.focus({ preventScroll: true });
    } else if (pendingFocus === 'results') {
      // Pagination buttons may become disabled (and drop focus); park it on the heading.
      els.resultsHeading.focus({ preventScroll: true });
    }
    lastDocId = '';
    pendingFocus = null;
  }

  function renderResults(data, q, page) {
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

    renderSuggestion(data.suggestion, q);

    const offset = (page - 1) * PAGE_SIZE;
    els.results.start = offset + 1;
    els.results.replaceChildren(...results.map((r) => renderResultItem(r, q, page)));

    if (results.length === 0) {
      const li = document.createElement('li');
      li.className = 'result-empty';
      li.textContent = total > 0
        ? 'Trang này không có kết quả. Hãy quay lại trang trước.'
        : 'Hãy thử từ khóa khác, ít từ hơn, hoặc kiểm tra lại số hiệu văn bản.';
      els.results.append(li);
    }

    renderPager(total, page, results.length);
  }

  function renderSuggestion(suggestion, q) {
    const s = typeof suggestion === 'string' ? normalizeQuery(suggestion) : '';
    if (!s || s === q) {
      els.suggestion.hidden = true;
      els.suggestion.replaceChildren();
      return;
    }
    const a = document.createElement('a');
    a.href = buildUrl({ q: s });
    a.dataset.nav = 'search';
    a.textContent = s;
    els.suggestion.replaceChildren('Có phải bạn muốn tìm: ', a, '?');
    els.suggestion.hidden = false;
  }

  function renderResultItem(r, q, page) {
    const item = r && typeof r === 'object' ? r : {};
    const id = str(item.id);

    const li = document.createElement('li');
    li.className = 'result';

    const h = document.createElement('h3');
    h.className = 'result-title';
    const title = str(item.title) || id || 'Văn bản không có tiêu đề';
    if (id) {
      const a = document.createElement('a');
      a.href = buildUrl({ q, page, doc: id });
      a.dataset.nav = 'doc';
      a.dataset.docId = id;
      a.textContent = title;
      h.append(a);
    } else {
      h.textContent = title; // nothing to open without an id
    }
    li.append(h);

    const meta = renderMeta(item);
    if (meta.childNodes.length) li.append(meta);

    const snippet = document.createElement('p');
    snippet.className = 'result-snippet';
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

  async function showDocument(state, signal) {
    setView('doc');
    els.backLabel.textContent = state.q ? 'Quay lại kết quả' : 'Về trang tìm kiếm';
    els.docTitle.textContent = 'Đang tải văn bản…';
    els.docMeta.replaceChildren();
    els.docMetadata.replaceChildren();
    els.docMetadataSection.hidden = true;
    els.docText.textContent = '';
    setBusy(true);

    const doc = await api(`/api/documents/${encodeURIComponent(state.doc)}`, signal);
    if (signal.aborted) return;

    renderDocument(doc, state.doc);
    restoreScroll();
    els.docTitle.focus({ preventScroll: true });
    pendingFocus = null;
  }

  function renderDocument(doc, requestedId) {
    const id = str(doc.id) || requestedId;
    const title = str(doc.title) || id || 'Văn bản không có tiêu đề';
    els.docTitle.textContent = title;
    document.title = `${title} — vanban`;

    els.docMeta.replaceChildren(...renderMeta({ ...doc, id }).childNodes);

    const rows = metadataEntries(doc.metadata);
    const frag = document.createDocumentFragment();
    for (const [key, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = key;
      const dd = document.createElement('dd');
      dd.textContent = value;
      frag.append(dt, dd);
    }
    els.docMetadata.replaceChildren(frag);
    els.docMetadataSection.hidden = rows.length === 0;

    const text = str(doc.text);
    els.docText.classList.toggle('is-empty', !text);
    els.docText.textContent = text || 'Văn bản không có nội dung.';
  }

  /*
   * Vietnamese labels for metadata keys the indexer is known to emit (or that
   * are common in .jsonl collections). Any other key is shown verbatim.
   */
  const METADATA_LABELS = {
    place: 'Nơi ban hành',
    unnumbered_symbol: 'Ký hiệu (không số)',
    issuer: 'Cơ quan ban hành',
    agency: 'Cơ quan ban hành',
    signer: 'Người ký',
    field: 'Lĩnh vực',
    effective_date: 'Ngày hiệu lực',
    status: 'Tình trạng',
    source: 'Nguồn',
    url: 'Đường dẫn gốc',
    language: 'Ngôn ngữ',
  };

  /** Free-form metadata → [label, printable value] pairs, skipping empty values. */
  function metadataEntries(metadata) {
    if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return [];
    const rows = [];
    for (const [key, value] of Object.entries(metadata)) {
      let v;
      if (value == null) continue;
      if (Array.isArray(value)) v = value.filter((x) => x != null && x !== '').map(printable).join(', ');
      else v = printable(value);
      if (v !== '') rows.push([METADATA_LABELS[key] || key, v]);
    }
    return rows;
  }

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

  /* --------------------------------------------------------------- shared */

  /** Meta line shared by result items and the document view: date · type · symbol · id. */
  function renderMeta(item) {
    const p = document.createElement('p');
    p.className = 'meta';
    const add = (node) => {
      if (p.childNodes.length) {
        const sep = document.createElement('span');
        sep.className = 'meta-sep';
        sep.setAttribute('aria-hidden', 'true');
        sep.textContent = ' · ';
        p.append(sep);
      }
      p.append(node);
    };

    const date = str(item.date);
    if (date) {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
      const t = document.createElement('time');
      if (m) t.dateTime = `${m[1]}-${m[2]}-${m[3]}`;
      t.textContent = formatDate(date);
      add(t);
    }
    for (const [value, cls] of [[str(item.type), 'meta-type'], [str(item.symbol), 'meta-symbol']]) {
      if (!value) continue;
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = value;
      add(span);
    }
    const id = str(item.id);
    if (id) {
      const code = document.createElement('code');
      code.className = 'doc-id';
      code.title = 'Mã văn bản';
      code.textContent = id;
      add(code);
    }
    return p;
  }

  function formatDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
  }

  /** Fields may be missing or of the wrong type; render them as (trimmed) strings or ''. */
  function str(v) {
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return '';
  }

  function toCount(v, fallback) {
    const n = Number(v);
    return v != null && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
  }

  /* --------------------------------------------------------------- events */

  function onSubmit(e) {
    e.preventDefault();
    const q = normalizeQuery(els.input.value);
    if (!q) {
      showAlert('Vui lòng nhập từ khóa cần tìm.');
      els.input.focus();
      return;
    }
    lastDocId = '';
    // fresh: an explicit search always hits the server, even if cached.
    navigate({ q, page: 1 }, { fresh: true });
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

    const kind = a.dataset.nav;
    const next = parseState(url.search);
    lastDocId = '';
    navigate(next, {
      fromResults: kind === 'doc' && !els.resultsView.hidden,
      focus: kind === 'home' ? 'input' : null,
    });
  }

  function onBack() {
    const state = parseState(location.search);
    lastDocId = state.doc;
    // If we got here from the result list, really go back: the browser keeps
    // the entry and we restore its scroll position from the cache.
    if (history.state && history.state.fromResults) {
      history.back();
    } else if (state.q) {
      navigate({ q: state.q, page: state.page });
    } else {
      lastDocId = '';
      navigate({}, { focus: 'input' });
    }
  }

  function goToPage(delta) {
    const state = parseState(location.search);
    lastDocId = '';
    navigate({ q: state.q, page: Math.max(1, state.page + delta) }, { focus: 'results' });
  }

  function init() {
    // We restore scroll ourselves once async content is rendered; the
    // browser's automatic restoration fires before the content exists.
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

    els.form.addEventListener('submit', onSubmit);
    document.addEventListener('click', onDocumentClick);
    els.back.addEventListener('click', onBack);
    els.prev.addEventListener('click', () => goToPage(-1));
    els.next.addEventListener('click', () => goToPage(1));
    window.addEventListener('popstate', () => {
      clearTimeout(scrollTimer);
      pendingFocus = null;
      // Browser back from a document: return focus to that document's link in the list.
      lastDocId = shownDocId;
      route();
    });
    // Keep the current entry's scroll position up to date so "back" lands where the user was.
    window.addEventListener('scroll', () => {
      clearTimeout(scrollTimer);
      scrollTimer = setTimeout(saveScroll, 200);
    }, { passive: true });

    const initial = parseState(location.search);
    pendingFocus = !initial.q && !initial.doc ? 'input' : null;
    route();
  }

  init();
})();
