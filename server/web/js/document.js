/*
 * The document view: back button, title, header fields ("Thông tin văn
 * bản") and the full text with its citations as links. The table of
 * contents and the marked words are document-reading.js's; the sections
 * below the text are built by document-sections.js.
 */
import { api, seg } from './api.js';
import {
  $, arr, h, isObj, kvNodes, listNode, renderMeta, str, timeEl, typeAndSymbol,
} from './dom.js';
import { renderCompareOffer } from './compare.js';
import { clear as clearReading, init as initReading, renderReading, scrollToTarget } from './document-reading.js';
import { renderIsDirective, sectionsOf } from './document-sections.js';
import { fieldLabel, linkOrText } from './fields.js';
import { entryState, navigate } from './nav.js';
import { finishRender, markBusy, showRecoverLink } from './page.js';
import { statusNode } from './relations.js';
import { directiveLabels } from './state.js';
import { directiveUrl, isIsoDate, parseState, searchUrl } from './url.js';

const els = {
  view: $('doc-view'),
  doc: $('doc'),
  back: $('back'),
  backLabel: $('back-label'),
  title: $('doc-title'),
  meta: $('doc-meta'),
  metadataSection: $('doc-metadata-section'),
  metadata: $('doc-metadata'),
  text: $('doc-text'),
  sections: $('doc-sections'),
};

export const NOT_FOUND = {
  doc: ['Không tìm thấy văn bản', 'Văn bản này không có trong kho, hoặc đường dẫn không đúng.'],
};

const BACK_LABELS = {
  results: 'Quay lại kết quả',
  doc: 'Quay lại văn bản trước',
  directive: 'Quay lại văn bản chỉ đạo',
  directives: 'Quay lại danh sách văn bản chỉ đạo',
  campaign: 'Quay lại phong trào thi đua',
  campaigns: 'Quay lại danh sách phong trào',
  compare: 'Quay lại bảng so sánh',
  obligations: 'Quay lại việc cần làm',
};

/** Wires the back button. */
export function init() {
  els.back.addEventListener('click', onBack);
  initReading();
}

function onBack() {
  // Reached from another page of the app: really go back, so the browser
  // keeps its entry and we restore its scroll position and focus.
  if (entryState().from) {
    history.back();
    return;
  }
  const state = parseState(location.search);
  if (state.searchCtx) navigate(searchUrl(state), { focus: 'heading' });
  else navigate('/', { focus: 'input' });
}

function backLabel(state) {
  const from = entryState().from;
  if (from && BACK_LABELS[from]) return BACK_LABELS[from];
  if (from === 'home') return 'Về trang tìm kiếm';
  return state.searchCtx ? 'Quay lại kết quả' : 'Về trang tìm kiếm';
}

export async function show(state, signal) {
  els.backLabel.textContent = backLabel(state);
  els.title.textContent = 'Đang tải văn bản…';
  els.meta.replaceChildren();
  els.metadata.replaceChildren();
  els.metadataSection.hidden = true;
  els.text.textContent = '';
  els.text.classList.remove('is-empty');
  els.sections.replaceChildren();
  clearReading();
  markBusy(els.doc);

  // q: the search the document was opened from, whose words it marks.
  const params = new URLSearchParams();
  if (isIsoDate(state.as_of)) params.set('as_of', state.as_of);
  if (state.q) params.set('q', state.q);
  const query = params.toString() ? `?${params}` : '';
  const doc = await api(`/api/documents/${seg(state.doc)}${query}`, signal);
  if (signal.aborted) return;

  renderDocument(doc, state.doc, state.hl);
  const target = renderReading(doc, state.q, state.hl);
  finishRender(els.view, els.title, { detail: true });
  scrollToTarget(target);
  // Needs one extra request per key; rendered when it arrives.
  renderIsDirective(doc, signal).catch(() => {});
  renderCompareOffer(doc, els.sections, signal).catch(() => {});
}

/** The document could not be shown: `heading` in place of its title, and a way out. */
export function showError(state, heading) {
  els.title.textContent = heading;
  showRecoverLink(els.sections, '/', 'home', 'Về trang tìm kiếm');
  return els.title;
}

function renderDocument(doc, requestedId, hl) {
  const id = str(doc.id) || requestedId;
  const title = str(doc.title) || id || 'Văn bản không có tiêu đề';
  els.title.textContent = title;
  document.title = `${title} — vanban`;

  els.meta.replaceChildren(...renderMeta({ ...doc, id }).childNodes);

  const rows = documentMetadataRows(doc, hl);
  els.metadata.replaceChildren(...kvNodes(rows));
  els.metadataSection.hidden = rows.length === 0;

  const citations = arr(doc.citations).filter(isObj);
  renderDocText(typeof doc.text === 'string' ? doc.text : '', citations);
  for (const c of citations) {
    const key = str(c.key);
    const label = typeAndSymbol(c);
    if (key && label && !directiveLabels.has(key)) directiveLabels.set(key, label);
  }

  els.sections.replaceChildren(...sectionsOf(doc, citations));
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
    els.text.classList.add('is-empty');
    els.text.textContent = 'Văn bản không có nội dung.';
    return;
  }
  const spans = citations
    .map((c) => ({ key: str(c.key), start: Math.max(begin, Number(c.start)), end: Math.min(end, Number(c.end)), c }))
    .filter((s) => s.key && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  els.text.dataset.begin = String(begin);
  const frag = document.createDocumentFragment();
  let pos = begin;
  for (const s of spans) {
    if (s.start < pos) continue; // overlaps the previous link
    if (s.start > pos) frag.append(text.slice(pos, s.start));
    const label = typeAndSymbol(s.c);
    frag.append(h('a', {
      class: 'cite-link',
      href: directiveUrl(s.key),
      'data-nav': 'directive',
      title: label ? `Xem ${label}` : null,
    }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  if (pos < end) frag.append(text.slice(pos, end));
  els.text.replaceChildren(frag);
}

/* ------------------------------------------------------ header fields */

/** Keys handled by headerRows(), or internal to the indexer (not meant for readers). */
const KNOWN_METADATA = new Set([
  'issuer', 'symbol', 'type', 'date', 'subject', 'recipients', 'distribution', 'signer', 'place',
  'unnumbered', 'unnumbered_symbol', 'issuer_source', 'page_starts', 'extract_warnings',
]);

/** Vietnamese metadata block: [label, string | Node] rows, empty values skipped. */
function documentMetadataRows(doc, hl) {
  const m = isObj(doc.metadata) ? doc.metadata : {};
  const rows = [];
  const push = (label, value) => {
    if (value instanceof Node || (typeof value === 'string' && value)) rows.push([label, value]);
  };
  headerRows(doc, m, push);
  push('Bản gốc', originalLink(doc, m, hl));
  extraRows(m, push);
  return rows;
}

/** The fields read from the document's header, in the order of a Vietnamese document. */
function headerRows(doc, m, push) {
  push('Cơ quan ban hành', str(m.issuer));
  const symbol = str(m.symbol) || str(doc.symbol);
  const unnumbered = str(m.unnumbered_symbol);
  if (symbol) push('Số/ký hiệu', symbol);
  else if (unnumbered) push('Số/ký hiệu', `Chưa có số: ${unnumbered}`);
  else if (m.unnumbered === true) push('Số/ký hiệu', 'Chưa có số');
  push('Loại văn bản', str(m.type) || str(doc.type));
  const date = str(m.date) || str(doc.date);
  if (date) push('Ngày ban hành', timeEl(date));
  if (str(doc.effective_from)) push('Ngày có hiệu lực', timeEl(str(doc.effective_from)));
  push('Tình trạng hiệu lực', statusNode(doc.status, str(doc.as_of)));
  push('Nơi ban hành', str(m.place));
  push('Trích yếu', str(m.subject));
  push('Kính gửi', listNode(arr(m.recipients)));
  push('Nơi nhận', listNode(arr(m.distribution)));
  push('Người ký', signerValue(m.signer));
}

/**
 * "Tải bản gốc": the file the document was read from, when the server has
 * it. A PDF opens at the page of the highlighted sentence (`hl`, from a
 * search hit or a relation) where the browser's viewer reads #page=N.
 */
function originalLink(doc, m, hl) {
  const original = isObj(doc.original) ? doc.original : null;
  if (!original || !str(original.url).startsWith('/api/documents/')) return '';
  let href = str(original.url);
  const start = /^(\d+)-\d+$/.exec(hl || '');
  const pageStarts = str(m.page_starts).split(',').filter(Boolean).map(Number);
  if (start && pageStarts.length > 1 && str(original.content_type) === 'application/pdf') {
    const at = Number(start[1]);
    href += `#page=${Math.max(1, pageStarts.filter((p) => p <= at).length)}`;
  }
  const name = str(original.file_name);
  const pdf = str(original.content_type) === 'application/pdf';
  return h('a', { href, class: 'original-link', download: pdf ? null : name },
    `Tải bản gốc${name ? ` (${name})` : ''}`);
}

/** The signer: {authority, name} as a node, or a plain string. */
function signerValue(signer) {
  if (!isObj(signer)) return str(signer);
  const authority = str(signer.authority);
  const name = str(signer.name);
  if (!authority && !name) return '';
  return h('span', { class: 'signer' },
    authority ? h('span', { class: 'signer-authority' }, authority) : null,
    name ? h('span', { class: 'signer-name' }, name) : null);
}

/**
 * The other keys: those fields.js labels in Vietnamese (source addresses as
 * links); a collection's own keys (.jsonl metadata) under their own name,
 * since no label can be known for them.
 */
function extraRows(m, push) {
  for (const [key, value] of Object.entries(m)) {
    if (KNOWN_METADATA.has(key) || value == null) continue;
    const v = Array.isArray(value)
      ? value.filter((x) => x != null && x !== '').map(printable).join(', ')
      : printable(value);
    if (v !== '') push(fieldLabel(key) || key, linkOrText(v));
  }
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
