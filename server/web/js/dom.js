/*
 * Element builders, formatting and tolerant readers of server fields.
 *
 * No state and no URLs here: every view builds its DOM with these. Strings
 * are always inserted as text nodes (h() never parses HTML).
 */

export const numberFmt = new Intl.NumberFormat('vi-VN');
export const msFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const pctFmt = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });
export const collator = new Intl.Collator('vi');

export const $ = (id) => document.getElementById(id);

/* ------------------------------------------------------------- builders */

/** Tiny element builder: attributes are set with setAttribute, children appended as nodes/text. */
export function h(tag, attrs, ...children) {
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
/**
 * "Xuất CSV" and "Xuất Word" links to the exports `hrefOf(format)` names;
 * `what` tells them apart for screen readers when a page has several.
 * The server names the file (Content-Disposition).
 */
export function exportLinks(hrefOf, what = '') {
  const link = (format, label) => h('a', {
    class: 'btn btn-secondary', href: hrefOf(format), download: '', 'data-export': format,
    ...(what ? { 'aria-label': `${label}: ${what}` } : {}),
  }, label);
  return h('p', { class: 'action-line export-links' }, link('csv', 'Xuất CSV'), ' ', link('docx', 'Xuất Word'));
}

export function section(id, title, ...content) {
  const headingId = `${id}-heading`;
  return h('section', { class: 'detail-section', id, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, title),
    ...content);
}

export function badge(text, extra = '') {
  return h('span', { class: extra ? `badge ${extra}` : 'badge' }, text);
}

/** <dt>/<dd> pairs for a <dl>. */
export function kvNodes(rows) {
  const out = [];
  for (const [label, value] of rows) {
    out.push(h('dt', null, label), h('dd', null, value));
  }
  return out;
}

export function listNode(items) {
  const values = items.map(str).filter(Boolean);
  if (!values.length) return '';
  if (values.length === 1) return values[0];
  return h('ul', { class: 'plain-list' }, values.map((v) => h('li', null, v)));
}

export function timeEl(date) {
  const t = h('time', null, formatDate(date));
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) t.dateTime = date;
  return t;
}

/** A <time> for a date field, or null when the field is empty. */
export function dateEl(value) {
  const date = str(value);
  return date ? timeEl(date) : null;
}

/** "a · b · c" children (separators hidden from screen readers). */
export function metaParts(parts) {
  const out = [];
  for (const part of parts) {
    if (part == null || part === '') continue;
    if (out.length) out.push(metaSep());
    out.push(part instanceof Node ? part : h('span', null, part));
  }
  return out;
}

export function metaSep() {
  return h('span', { class: 'meta-sep', 'aria-hidden': 'true' }, ' · ');
}

export function metaLine(parts) {
  const children = metaParts(parts);
  return children.length ? h('p', { class: 'meta' }, ...children) : null;
}

/** The id of a document, shown as code. */
export function docIdEl(id) {
  return h('code', { class: 'doc-id', title: 'Mã văn bản' }, id);
}

/** Meta line shared by result items and the document view: date · type · symbol · issuer · id. */
export function renderMeta(item) {
  const parts = [];
  const date = str(item.date);
  if (date) parts.push(timeEl(date));
  for (const [value, cls] of [[str(item.type), 'meta-type'], [str(item.symbol), 'meta-symbol'], [str(item.issuer), 'meta-issuer']]) {
    if (value) parts.push(h('span', { class: cls }, value));
  }
  const id = str(item.id);
  if (id) parts.push(docIdEl(id));
  return h('p', { class: 'meta' }, ...metaParts(parts));
}

/** Text with every occurrence of the needles (case-insensitive) wrapped in <mark>. */
export function markText(text, needles) {
  const frag = document.createDocumentFragment();
  const lower = text.toLocaleLowerCase('vi');
  const wanted = needles.map((n) => n.toLocaleLowerCase('vi')).filter(Boolean);
  if (!wanted.length || lower.length !== text.length) {
    frag.append(text);
    return frag;
  }
  let pos = 0;
  for (let hit = firstHit(lower, wanted, pos); hit; hit = firstHit(lower, wanted, pos)) {
    if (hit.start > pos) frag.append(text.slice(pos, hit.start));
    frag.append(h('mark', null, text.slice(hit.start, hit.start + hit.length)));
    pos = hit.start + hit.length;
  }
  if (pos < text.length) frag.append(text.slice(pos));
  return frag;
}

/** The earliest needle at or after `pos` (the longest one on a tie), or null. */
function firstHit(lower, wanted, pos) {
  let best = -1;
  let len = 0;
  for (const w of wanted) {
    const i = lower.indexOf(w, pos);
    if (i >= 0 && (best < 0 || i < best || (i === best && w.length > len))) {
      best = i;
      len = w.length;
    }
  }
  return best < 0 ? null : { start: best, length: len };
}

/** Link pager (prev / "Trang x / y" / next) for list views. */
export function renderLinkPager(nav, page, totalPages, urlFor) {
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

/* ----------------------------------------------------------- formatting */

/** YYYY-MM-DD → dd/mm/yyyy, YYYY-MM → mm/yyyy, anything else unchanged. */
export function formatDate(s) {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return `${m[2]}/${m[1]}`;
  return s;
}

/* ------------------------------------------------------ tolerant fields */

/** Fields may be missing or of the wrong type; render them as (trimmed) strings or ''. */
export function str(v) {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

export function arr(v) {
  return Array.isArray(v) ? v : [];
}

export function isObj(v) {
  return v != null && typeof v === 'object' && !Array.isArray(v);
}

export function joinNonEmpty(parts, sep) {
  return parts.filter(Boolean).join(sep);
}

/** "Chỉ thị 34-CT/TW": the type and symbol of a directive or citation ('' when both are missing). */
export function typeAndSymbol(x) {
  return joinNonEmpty([str(x.type), str(x.symbol)], ' ');
}

export function toCount(v, fallback) {
  const n = Number(v);
  return v != null && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}
