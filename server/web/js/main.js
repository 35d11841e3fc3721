/*
 * vanban — client for the search page: routing, page-wide events, start-up.
 *
 * Native ES modules, no dependencies, no build step. The page is served
 * with a strict CSP (script-src 'self', style-src 'self'), so: no inline
 * handlers, no style attributes, no eval — everything is wired up with
 * addEventListener and visibility is toggled with the `hidden` attribute /
 * CSS classes.
 *
 * The modules: url.js (the URL scheme: all state lives in the URL),
 * api.js (fetch, errors, search cache), state.js (shared mutable state),
 * nav.js (history entries), page.js (alert, busy, focus after a render),
 * dom.js (element builders, formatting), entries.js (list entries several
 * views share), and one module per view: search.js, document.js (with
 * document-sections.js and document-reading.js), directives.js, campaigns.js,
 * compare.js (documents side by side), obligations.js ("Việc cần làm");
 * search-options.js (order and date range), pages.js (numbered pages),
 * fields.js (metadata labels, source links) and copy-link.js ("Chép liên
 * kết"). A view module exports
 * show(state, signal) and showError(state, heading), and init() when it
 * has controls to wire; it looks up its own elements.
 *
 * Every string that comes from the server is inserted with textContent /
 * text nodes. The only server HTML is the search snippet, whose <mark> tags
 * are parsed by hand (setSnippet in search.js) — never with innerHTML on the
 * live page.
 */
import { ApiError } from './api.js';
import * as campaigns from './campaigns.js';
import * as compare from './compare.js';
import * as copyLink from './copy-link.js';
import * as documentView from './document.js';
import * as directives from './directives.js';
import { $ } from './dom.js';
import { cancelScrollSave, navigate, saveScroll, saveScrollSoon, setRouter } from './nav.js';
import { clearAlert, clearBusy, finishHome, showAlert } from './page.js';
import * as obligations from './obligations.js';
import * as search from './search.js';
import { nav } from './state.js';
import { normalizeQuery, parseState, SEARCH_FILTERS, searchUrl } from './url.js';

const home = {
  show() {
    document.title = 'vanban — Tra cứu văn bản hành chính';
    finishHome();
  },
  showError: search.showError,
};

/** Every view (parseState's `view`): its root element, the header link it belongs to, and its module. */
const VIEWS = {
  home: { root: 'intro', section: 'search', module: home },
  results: { root: 'results-view', section: 'search', module: search },
  doc: { root: 'doc-view', section: 'search', module: documentView },
  directives: { root: 'directives-view', section: 'directives', module: directives },
  directive: { root: 'directive-view', section: 'directives', module: directives },
  campaigns: { root: 'campaigns-view', section: 'campaigns', module: campaigns },
  campaign: { root: 'campaign-view', section: 'campaigns', module: campaigns },
  compare: { root: 'compare-view', section: 'campaigns', module: compare },
  obligations: { root: 'obligations-view', section: 'obligations', module: obligations },
};
const SECTION_ROOT_VIEW = {
  search: 'home', directives: 'directives', campaigns: 'campaigns', obligations: 'obligations',
};
const NOT_FOUND = {
  ...documentView.NOT_FOUND, ...directives.NOT_FOUND, ...campaigns.NOT_FOUND, ...compare.NOT_FOUND,
};
/** Modules with controls of their own to wire up. */
const CONTROLS = [search, documentView, directives, obligations, copyLink, campaigns];

const els = {
  form: $('search-form'),
  input: $('q'),
  navLinks: Array.from(document.querySelectorAll('.site-nav a[data-section]')),
  roots: Object.fromEntries(Object.entries(VIEWS).map(([name, v]) => [name, $(v.root)])),
};

let inflight = null; // AbortController of the request currently being rendered

/* -------------------------------------------------------------- routing */

async function route({ fresh = false } = {}) {
  if (inflight) inflight.abort(); // a slow old response must never overwrite a newer view
  inflight = new AbortController();
  const { signal } = inflight;

  const state = parseState(location.search);
  nav.currentView = state.view;
  els.input.value = state.view === 'results' || state.view === 'doc' ? state.q : '';
  setView(state.view);
  clearAlert();

  try {
    await VIEWS[state.view].module.show(state, signal, { fresh });
  } catch (err) {
    if (err && err.name === 'AbortError') return;
    if (!signal.aborted) showError(err, state);
  } finally {
    if (!signal.aborted) clearBusy();
  }
}

function setView(name) {
  for (const [view, el] of Object.entries(els.roots)) el.hidden = view !== name;
  const { section } = VIEWS[name];
  for (const a of els.navLinks) {
    const mine = a.dataset.section === section;
    a.classList.toggle('is-active', mine);
    if (!mine) a.removeAttribute('aria-current');
    else a.setAttribute('aria-current', SECTION_ROOT_VIEW[section] === name ? 'page' : 'true');
  }
}

function showError(err, state) {
  const apiErr = err instanceof ApiError;
  let message = apiErr && err.message ? err.message : 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
  if (!apiErr) console.error(err); // a bug of ours: keep it visible to developers
  const notFound = apiErr && err.status === 404 && NOT_FOUND[state.view];
  if (notFound) message = notFound[1];
  showAlert(message);

  const heading = notFound ? notFound[0] : 'Không thể hiển thị nội dung';
  // The view puts the heading in place of its content; a detail view
  // returns its title element.
  const title = VIEWS[state.view].module.showError(state, heading);
  if (notFound) document.title = `${heading} — vanban`;
  // Detail views lose their content: put focus on the (error) heading.
  if (title) title.focus({ preventScroll: true });
  nav.pendingFocus = null;
  nav.restoring = false;
}

/* --------------------------------------------------------------- events */

function onSubmit(e) {
  e.preventDefault();
  const q = normalizeQuery(els.input.value);
  // Refining a query on the results page keeps its filters; a search from
  // anywhere else starts clean. An empty query lists every document.
  const keep = nav.currentView === 'results' ? parseState(location.search) : {};
  const next = { q, page: 1 };
  for (const k of SEARCH_FILTERS) next[k] = keep[k] || '';
  next.sort = keep.sort || ''; // and its order
  saveScroll({ focusHref: null });
  // fresh: an explicit search always hits the server, even if cached.
  // Focus stays in the search box; the status line announces the result count.
  navigate(searchUrl(next), { fresh: true });
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

function onPopState() {
  cancelScrollSave();
  nav.pendingFocus = null;
  nav.restoring = true;
  route();
}

function init() {
  // We restore scroll ourselves once async content is rendered; the
  // browser's automatic restoration fires before the content exists.
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

  setRouter(route);
  els.form.addEventListener('submit', onSubmit);
  document.addEventListener('click', onDocumentClick);
  for (const module of CONTROLS) module.init();
  window.addEventListener('popstate', onPopState);
  window.addEventListener('scroll', saveScrollSoon, { passive: true });

  const initial = parseState(location.search);
  nav.pendingFocus = initial.view === 'home' ? 'input' : null;
  route();
}

init();
