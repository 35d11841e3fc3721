/*
 * Cited directives: the list (?view=directives, with its filter form and
 * pager) and the page of one directive (?directive=KEY).
 */
import { api, seg } from './api.js';
import {
  $, arr, badge, collator, dateEl, docIdEl, exportLinks, h, isObj, kvNodes, metaLine, metaSep, numberFmt,
  pctFmt, renderLinkPager, section, str, toCount, typeAndSymbol,
} from './dom.js';
import { citingEntry, docEntry, relatedDirectivesSection } from './entries.js';
import { navigate, saveScroll } from './nav.js';
import { finishRender, markBusy, showAlert, showRecoverLink } from './page.js';
import {
  asOfForm, implementationSection, relationsSection, statusBadge, statusSection, timelineSection,
} from './relations.js';
import { directiveLabels } from './state.js';
import {
  DIR_MAX_PAGE, DIR_PAGE_SIZE, DIRECTIVE_FILTERS, directiveExportUrl, directiveUrl, directivesUrl, isIsoDate, isYear,
  normalizeQuery, searchUrl,
} from './url.js';

const TITLE_LOOKUPS_MAX = 10; // titles are fetched for at most this many linked documents that lack one
// How the server linked a document of the corpus to a directive.
const HOW_LABELS = {
  symbol_and_date: 'cùng số, ký hiệu và ngày ban hành',
  symbol: 'cùng số, ký hiệu (chưa đối chiếu được ngày)',
  draft: 'bản chưa ghi số: cùng ký hiệu, thời gian, loại và trích yếu',
};

const els = {
  // list
  listView: $('directives-view'),
  listHeading: $('directives-heading'),
  form: $('dir-form'),
  q: $('dir-q'),
  type: $('dir-type'),
  year: $('dir-year'),
  issuer: $('dir-issuer'),
  validity: $('dir-validity'),
  asOf: $('dir-as-of'),
  appliesTo: $('dir-applies-to'),
  reset: $('dir-reset'),
  status: $('dir-status'),
  list: $('dir-list'),
  pager: $('dir-pager'),
  // one directive
  pageView: $('directive-view'),
  page: $('directive'),
  crumb: $('directive-crumb'),
  title: $('directive-title'),
  meta: $('directive-meta'),
  search: $('directive-search'),
  sections: $('directive-sections'),
};

export const NOT_FOUND = {
  directive: ['Không tìm thấy văn bản chỉ đạo', 'Không có văn bản chỉ đạo nào với số hiệu này trong kho.'],
};

/** Directive types seen in any /api/directives response (fills the type <select>). */
const directiveTypes = new Set();
let directiveTypesLoaded = false;

/** Wires the filter form. */
export function init() {
  els.form.addEventListener('submit', onSubmit);
}

/** Renders the list (view "directives") or one directive (view "directive"). */
export function show(state, signal) {
  return state.view === 'directive' ? showDirective(state, signal) : showDirectives(state, signal);
}

export function showError(state, heading) {
  if (state.view !== 'directive') {
    els.status.textContent = '';
    return null;
  }
  els.title.textContent = heading;
  els.crumb.textContent = heading;
  showRecoverLink(els.sections, directivesUrl(), 'directives', 'Xem danh sách văn bản chỉ đạo');
  return els.title;
}

function onSubmit(e) {
  e.preventDefault();
  const year = normalizeQuery(els.year.value);
  if (year && !isYear(year)) {
    els.year.setAttribute('aria-invalid', 'true');
    showAlert('Năm ban hành phải gồm 4 chữ số, ví dụ 2023.');
    els.year.focus();
    return;
  }
  els.year.removeAttribute('aria-invalid');
  saveScroll({ focusHref: null });
  navigate(directivesUrl({
    q: normalizeQuery(els.q.value),
    type: els.type.value,
    year,
    issuer: normalizeQuery(els.issuer.value),
    status: els.validity.value,
    as_of: isIsoDate(els.asOf.value) ? els.asOf.value : '',
    applies_to: normalizeQuery(els.appliesTo.value),
  }), { focus: 'heading' });
}

/* ----------------------------------------------------------------- list */

async function showDirectives(state, signal) {
  document.title = 'Văn bản chỉ đạo — vanban';
  const filters = Object.fromEntries(DIRECTIVE_FILTERS.map((k) => [k, state[k]]));
  showFilters(filters);
  els.list.replaceChildren();
  els.pager.hidden = true;
  els.status.textContent = 'Đang tải danh sách…';
  markBusy(els.list);

  const params = new URLSearchParams({
    offset: String((state.page - 1) * DIR_PAGE_SIZE),
    limit: String(DIR_PAGE_SIZE),
  });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const data = await api(`/api/directives?${params}`, signal);
  if (signal.aborted) return;

  renderList(data, filters, state.page);
  finishRender(els.listView, els.listHeading);
  loadAllTypes(signal);
}

/** The form shows the filters of the URL. */
function showFilters(filters) {
  els.q.value = filters.q;
  els.year.value = filters.year;
  els.issuer.value = filters.issuer;
  els.validity.value = filters.status;
  els.asOf.value = isIsoDate(filters.as_of) ? filters.as_of : '';
  els.appliesTo.value = filters.applies_to;
  els.year.removeAttribute('aria-invalid');
  fillTypeSelect(filters.type);
  els.reset.hidden = !isFiltered(filters);
}

function isFiltered(filters) {
  return DIRECTIVE_FILTERS.some((k) => Boolean(filters[k]));
}

function renderList(data, filters, page) {
  const list = arr(data.directives).filter(isObj);
  const total = toCount(data.total, list.length);
  learnDirectives(list);
  fillTypeSelect(filters.type);

  els.status.textContent = total > 0
    ? `${isFiltered(filters) ? 'Tìm thấy' : 'Có'} ${numberFmt.format(total)} văn bản chỉ đạo`
    : 'Không có văn bản chỉ đạo nào phù hợp với bộ lọc.';
  els.list.replaceChildren(...list.map(directiveCard));
  if (!list.length && total > 0) {
    els.list.append(h('li', { class: 'result-empty' }, 'Trang này không có kết quả. Hãy quay lại trang trước.'));
  }

  const totalPages = Math.min(DIR_MAX_PAGE, Math.max(1, Math.ceil(total / DIR_PAGE_SIZE)));
  renderLinkPager(els.pager, page, totalPages, (p) => directivesUrl({ ...filters, page: p }));
}

/** The list endpoint has no facets: collect the types once from a larger page. */
function loadAllTypes(signal) {
  if (directiveTypesLoaded) return;
  directiveTypesLoaded = true;
  api('/api/directives?limit=500', signal).then((all) => {
    learnDirectives(arr(all.directives).filter(isObj));
    if (!signal.aborted) fillTypeSelect(els.type.value);
  }).catch(() => { directiveTypesLoaded = false; });
}

function learnDirectives(list) {
  for (const d of list) {
    const type = str(d.type);
    if (type) directiveTypes.add(type);
    const key = str(d.key);
    const label = typeAndSymbol(d);
    if (key && label) directiveLabels.set(key, label);
  }
}

function fillTypeSelect(selected) {
  const types = new Set(directiveTypes);
  if (selected) types.add(selected);
  const sorted = Array.from(types).sort(collator.compare);
  const current = Array.from(els.type.options).slice(1).map((o) => o.value);
  if (current.join('\n') !== sorted.join('\n')) {
    els.type.replaceChildren(h('option', { value: '' }, 'Tất cả'),
      ...sorted.map((t) => h('option', { value: t }, t)));
  }
  els.type.value = selected || '';
}

function directiveCard(d) {
  const key = str(d.key);
  const label = typeAndSymbol(d) || key || 'Văn bản không rõ số hiệu';
  const heading = h('h3', { class: 'item-title' },
    key ? h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label) : label);
  const li = h('li', { class: 'item' }, heading);
  const meta = metaLine([dateEl(d.date), str(d.issuer)]);
  if (meta) li.append(meta);
  if (str(d.subject)) li.append(h('p', { class: 'item-text' }, str(d.subject)));
  const n = toCount(d.cited_by_count, 0);
  const inCorpus = arr(d.documents).length;
  li.append(h('p', { class: 'item-stats' },
    h('span', { class: 'stat' }, `Được trích dẫn bởi ${numberFmt.format(n)} văn bản`),
    inCorpus ? badge('có trong kho') : null,
    statusBadge(d.status)));
  return li;
}

/* ------------------------------------------------------- one directive */

async function showDirective(state, signal) {
  els.title.textContent = 'Đang tải…';
  els.crumb.textContent = '';
  els.meta.replaceChildren();
  els.search.hidden = true;
  els.sections.replaceChildren();
  markBusy(els.page);

  const asOf = isIsoDate(state.as_of) ? state.as_of : '';
  const d = await api(`/api/directives/${seg(state.directive)}${asOf ? `?as_of=${asOf}` : ''}`, signal);
  if (signal.aborted) return;

  const key = str(d.key) || state.directive;
  const aliases = arr(d.aliases).map(str).filter(Boolean);
  renderHeader(d, key, aliases);
  const docs = arr(d.documents).filter(isObj).filter((x) => str(x.id));
  const relations = isObj(d.relations) ? d.relations : {};
  els.sections.replaceChildren(...[
    statusSection('directive-status', d.status, str(d.as_of), relations.incoming, asOfForm('directive', asOf, (date) => {
      saveScroll({ focusHref: null });
      navigate(directiveUrl(state.directive, date), { focus: 'heading' });
    })),
    relationsSection('directive-relations', relations.incoming, relations.outgoing),
    timelineSection('directive-timeline', d),
    implementationSection('directive-implementation', d.implementation,
      exportLinks((format) => directiveExportUrl(key, 'implementation', format, asOf), 'tổ chức thực hiện')),
    linkedDocumentsSection(docs),
    citingSection(d, [str(d.symbol), ...aliases].filter(Boolean),
      exportLinks((format) => directiveExportUrl(key, 'citing', format, asOf), 'các văn bản trích dẫn')),
    relatedDirectivesSection('directive-co-cited', 'Thường được trích dẫn cùng', d.co_cited,
      (n) => ` — cùng được trích dẫn trong ${numberFmt.format(n)} văn bản`),
  ].filter(Boolean));
  finishRender(els.pageView, els.title, { detail: true });

  // `documents` carry only ids: look up their titles (bounded).
  fillDocTitles(els.sections,
    docs.filter((x) => !str(x.title)).slice(0, TITLE_LOOKUPS_MAX).map((x) => str(x.id)), signal);
}

/** Title, breadcrumb, fields and the "find the citing documents" button. */
function renderHeader(d, key, aliases) {
  const title = typeAndSymbol(d) || key;
  directiveLabels.set(key, title);
  els.title.textContent = title;
  els.crumb.textContent = title;
  document.title = `${title} — Văn bản chỉ đạo — vanban`;
  const rows = directiveMetaRows(d, aliases);
  els.meta.replaceChildren(...kvNodes(rows));
  els.meta.hidden = rows.length === 0;
  els.search.replaceChildren(h('a', {
    class: 'btn btn-secondary', href: searchUrl({ cites: key }), 'data-nav': 'search',
  }, 'Tìm các văn bản trích dẫn'));
  els.search.hidden = false;
}

function directiveMetaRows(d, aliases) {
  const rows = [];
  if (str(d.date)) rows.push(['Ngày ban hành', dateEl(d.date)]);
  if (str(d.effective_from)) rows.push(['Ngày có hiệu lực', dateEl(d.effective_from)]);
  if (str(d.issuer)) rows.push(['Cơ quan ban hành', str(d.issuer)]);
  if (str(d.subject)) rows.push(['Trích yếu', str(d.subject)]);
  // An alias is the symbol's key without a date (index/knowledge.cc): the
  // mentions that give no date count as this directive. Said in words, not
  // as the key ("34-ct/tw").
  if (aliases.length) {
    rows.push(['Trích dẫn không ghi ngày',
      `Các trích dẫn “${str(d.symbol) || aliases.join('; ')}” không ghi ngày ban hành cũng được tính là văn bản này`]);
  }
  return rows;
}

/** The corpus documents that are this directive, with how sure the link is. */
function linkedDocumentsSection(docs) {
  if (!docs.length) return null;
  const list = h('ul', { class: 'entry-list', role: 'list' });
  for (const x of docs) {
    const conf = Number(x.confidence);
    list.append(docEntry(x, {
      linkAttrs: { 'data-doc-title-for': str(x.id) },
      meta: [
        Number.isFinite(conf) ? `Độ tin cậy: ${pctFmt.format(Math.min(1, Math.max(0, conf)))}` : '',
        str(x.how) ? `Cách xác định: ${HOW_LABELS[str(x.how)] || str(x.how)}` : '',
      ],
    }));
  }
  return section('directive-docs', 'Văn bản trong kho',
    h('p', { class: 'section-intro' }, 'Các văn bản của kho được xác định chính là văn bản này:'), list);
}

/** The documents citing a directive, each with its citing sentence. */
function citingSection(d, needles, exports) {
  const citing = arr(d.citing).filter(isObj).filter((x) => str(x.id));
  if (!citing.length) return null;
  const citedCount = Math.max(toCount(d.cited_by_count, 0), citing.length);
  const list = h('ul', { class: 'entry-list', role: 'list' }, citing.map((c) => citingEntry(c, needles)));
  const note = citedCount > citing.length
    ? h('p', { class: 'section-intro' }, `Hiển thị ${numberFmt.format(citing.length)} văn bản đầu tiên.`)
    : null;
  return section('directive-citing', `Các văn bản trích dẫn (${numberFmt.format(citedCount)})`, note, list, exports);
}

/** Fetch the titles of documents listed by id only, and put each in place of its id. */
function fillDocTitles(container, ids, signal) {
  for (const id of ids) {
    api(`/api/documents/${seg(id)}`, signal).then((doc) => {
      const title = str(doc.title);
      if (!title || signal.aborted) return;
      for (const a of container.querySelectorAll('a[data-doc-title-for]')) {
        if (a.dataset.docTitleFor === id) showTitle(a, title, id);
      }
    }).catch(() => {});
  }
}

function showTitle(a, title, id) {
  a.textContent = title;
  // Keep the id visible next to the title that replaced it.
  const entry = a.closest('.entry');
  if (entry && !entry.querySelector('.doc-id')) {
    const meta = entry.querySelector('.meta');
    if (meta) meta.prepend(docIdEl(id), metaSep());
    else a.closest('.entry-title').after(h('p', { class: 'meta' }, docIdEl(id)));
  }
}
