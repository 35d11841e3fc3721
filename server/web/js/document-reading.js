/*
 * Reading a long document: the table of contents of its Phần / Chương /
 * Mục / Điều headings (the API's "outline") with an anchor on each heading
 * (deep links ?doc=ID#dieu-5), the searched words marked in the text (the
 * API's "matches" for ?q=) with previous/next buttons and a counter, and
 * the hl= sentence mark. Offsets are JS string offsets into the text (code
 * points; the texts are BMP), counted from the text's first character as
 * the server sends it.
 */
import { $, arr, h, isObj, numberFmt, str } from './dom.js';
import { entryState } from './nav.js';

const els = {
  toc: $('doc-toc'),
  find: $('doc-find'),
  text: $('doc-text'),
};

const TOC_INDENT = { phan: 0, chuong: 1, muc: 2, 'tieu-muc': 3, dieu: 4 };
/** On a phone the table of contents starts closed: the text comes first, the contents one tap away. */
const NARROW_QUERY = '(max-width: 600px)';

let matchMarks = []; // one array of <mark> pieces per match, in text order
let current = -1;

/** Wires the previous/next buttons and the table of contents' links. */
export function init() {
  els.find.addEventListener('click', onFindClick);
  els.toc.addEventListener('click', onTocClick);
}

/** Empties the table of contents and the match bar (a document is loading). */
export function clear() {
  els.toc.replaceChildren();
  els.toc.hidden = true;
  els.find.replaceChildren();
  els.find.hidden = true;
  matchMarks = [];
  current = -1;
}

/**
 * After the text is rendered: the headings' anchors and the table of
 * contents, the query's matches (when the document was opened from a
 * search: `q`), the `hl` sentence. Returns the element to scroll to when
 * the page opens fresh: the URL's #anchor, else the hl sentence, else the
 * first match; null for none.
 */
export function renderReading(doc, q, hl) {
  const outline = arr(doc.outline).filter((e) => isObj(e) && str(e.anchor) && Number.isInteger(e.start));
  const headings = anchorHeadings(outline);
  renderToc(outline);
  const matches = arr(doc.matches).filter((m) => Array.isArray(m) && m[0] < m[1]);
  matchMarks = wrapRanges(matches.map(([start, end]) => ({ start, end })),
    () => h('mark', { class: 'doc-match' })).filter((pieces) => pieces.length);
  renderFindBar(q, matchMarks.length);
  const hlMark = highlightSentence(hl);
  const hash = location.hash.slice(1); // anchors are ASCII: no decoding needed
  if (hash && headings.has(hash)) return headings.get(hash);
  if (hlMark) return hlMark;
  if (matchMarks.length) {
    select(0, { scroll: false });
    return matchMarks[0][0];
  }
  return null;
}

/** Scrolls to `target` unless the page came back to a saved position below the top. */
export function scrollToTarget(target) {
  if (!target || window.scrollY) return;
  target.scrollIntoView({ block: target.classList.contains('doc-heading') ? 'start' : 'center' });
}

/* ---------------------------------------------------------- headings */

/** Puts each heading's id on its label in the text; returns anchor -> element. */
function anchorHeadings(outline) {
  const ranges = outline.map((e) => ({ start: e.start, end: e.start + str(e.label).length }));
  const pieces = wrapRanges(ranges, () => h('span', { class: 'doc-heading', tabindex: '-1' }));
  const byAnchor = new Map();
  outline.forEach((e, i) => {
    const first = pieces[i] && pieces[i][0];
    if (!first) return;
    first.id = e.anchor;
    byAnchor.set(e.anchor, first);
  });
  return byAnchor;
}

function renderToc(outline) {
  if (!outline.length) return;
  const list = h('ol', { class: 'toc-list' }, outline.map((e) => h('li',
    { class: `toc-entry toc-${TOC_INDENT[e.level] ?? 4}` },
    h('a', { href: `#${e.anchor}`, class: 'toc-link' },
      h('span', { class: 'toc-label' }, str(e.label)),
      str(e.title) ? ` ${str(e.title)}` : null))));
  const open = !window.matchMedia(NARROW_QUERY).matches;
  els.toc.replaceChildren(h('details', { class: 'toc-details', open },
    h('summary', null, `Mục lục (${numberFmt.format(outline.length)} mục)`), list));
  els.toc.hidden = false;
}

/** A table-of-contents link: scroll to the heading, keep the anchor in the URL. */
function onTocClick(e) {
  const a = e.target instanceof Element ? e.target.closest('a.toc-link') : null;
  if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const anchor = a.getAttribute('href').slice(1);
  const target = document.getElementById(anchor);
  if (!target) return;
  e.preventDefault(); // a fragment navigation would fire popstate and re-render the view
  history.replaceState(entryState(), '', `${location.pathname}${location.search}#${anchor}`);
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/* ----------------------------------------------------------- matches */

function renderFindBar(q, count) {
  if (!q) return;
  if (!count) {
    els.find.replaceChildren(h('p', { class: 'find-none' }, `Không có từ “${q}” trong văn bản này.`));
    els.find.hidden = false;
    return;
  }
  const button = (dir, label, arrow) => h('button',
    { type: 'button', class: 'btn btn-secondary find-step', 'data-step': dir, 'aria-label': label },
    h('span', { 'aria-hidden': 'true' }, arrow));
  els.find.replaceChildren(
    h('span', { class: 'find-label' }, `Từ tìm kiếm “${q}”:`),
    h('span', { id: 'doc-find-count', class: 'find-count', 'aria-live': 'polite' },
      `${numberFmt.format(count)} chỗ`),
    button('-1', 'Chỗ trước', '‹ Trước'),
    button('1', 'Chỗ sau', 'Sau ›'));
  els.find.hidden = false;
}

function onFindClick(e) {
  const b = e.target instanceof Element ? e.target.closest('button[data-step]') : null;
  if (!b || !matchMarks.length) return;
  const n = matchMarks.length;
  select(((current < 0 ? -1 : current) + Number(b.dataset.step) + n) % n, { scroll: true });
}

/** Makes match `i` the current one: marked apart, counted, scrolled to. */
function select(i, { scroll }) {
  if (current >= 0) for (const m of matchMarks[current]) m.classList.remove('is-current');
  current = i;
  for (const m of matchMarks[i]) m.classList.add('is-current');
  const count = $('doc-find-count');
  if (count) count.textContent = `${numberFmt.format(i + 1)}/${numberFmt.format(matchMarks.length)}`;
  if (scroll) matchMarks[i][0].scrollIntoView({ block: 'center' });
}

/* -------------------------------------------------------- the hl mark */

/**
 * Marks the sentence `hl` ("START-END", code points of the text) that a
 * relation or a status links to; returns the first <mark>, or null.
 */
function highlightSentence(hl) {
  const m = /^(\d+)-(\d+)$/.exec(hl || '');
  if (!m || Number(m[1]) >= Number(m[2])) return null;
  const [pieces] = wrapRanges([{ start: Number(m[1]), end: Number(m[2]) }],
    () => h('mark', { class: 'doc-hl' }));
  return (pieces && pieces[0]) || null;
}

/* ------------------------------------------------------------ ranges */

/**
 * Wraps each range [start, end) of the text (offsets into the document's
 * text; the rendered text starts at data-begin) in elements made by
 * `make()`, one per text node it crosses (citation links split the text),
 * in one walk over the text. Ranges must be sorted; one that overlaps an
 * earlier one is skipped. Returns, per range, its elements (maybe none).
 */
function wrapRanges(ranges, make) {
  const out = ranges.map(() => []);
  if (els.text.classList.contains('is-empty')) return out;
  const kept = []; // indexes of the ranges wrapped
  let lastEnd = -1;
  ranges.forEach(({ start, end }, k) => {
    if (start >= lastEnd && start < end) {
      kept.push(k);
      lastEnd = end;
    }
  });
  const pieces = [];
  let pos = Number(els.text.dataset.begin) || 0;
  let r = 0; // the first kept range not over before the current node
  const walker = document.createTreeWalker(els.text, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && r < kept.length; n = walker.nextNode()) {
    const nodeEnd = pos + n.data.length;
    for (let i = r; i < kept.length && ranges[kept[i]].start < nodeEnd; i++) {
      const from = Math.max(ranges[kept[i]].start, pos);
      const to = Math.min(ranges[kept[i]].end, nodeEnd);
      if (from < to) pieces.push({ n, from: from - pos, to: to - pos, k: kept[i] });
    }
    while (r < kept.length && ranges[kept[r]].end <= nodeEnd) r++;
    pos = nodeEnd;
  }
  // Last piece first: wrapping splits its text node, and the pieces before
  // it in the same node keep their offsets.
  for (let i = pieces.length - 1; i >= 0; i--) {
    const { n, from, to, k } = pieces[i];
    const range = document.createRange();
    range.setStart(n, from);
    range.setEnd(n, to);
    const el = make();
    range.surroundContents(el);
    out[k].unshift(el);
  }
  return out;
}
