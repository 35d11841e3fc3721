/*
 * Status and relations of a directive or document (issue 13): the status
 * badge with its reason and the sentence that proves it, the "as of" date
 * form, the relations grouped as the national legal databases group them,
 * the timeline of a directive and its implementation tree.
 *
 * The server derives all of it from the documents' own words; the page only
 * labels it. "Còn hiệu lực" always comes with the server's reason, which says
 * it means "no replacing document found in this corpus".
 */
import {
  arr, badge, dateEl, h, isObj, metaLine, numberFmt, section, str,
} from './dom.js';
import { directiveLabels } from './state.js';
import { directiveUrl, docUrl } from './url.js';

/** status.value → [badge text, badge class]. */
export const STATUS_LABELS = {
  in_force: ['Còn hiệu lực', 'status-in-force'],
  not_yet_in_force: ['Chưa có hiệu lực', 'status-not-yet'],
  expired: ['Hết hiệu lực', 'status-expired'],
  partly_expired: ['Hết hiệu lực một phần', 'status-partly'],
  unknown: ['Chưa rõ hiệu lực', 'status-unknown'],
};

/**
 * Relation type → [label when another document states it about this one,
 * label when this one states it about another], in the order the national
 * databases list them. `cites` is not here: the citing sections show it.
 */
const RELATION_LABELS = {
  replaces: ['Bị thay thế bởi', 'Thay thế'],
  repeals: ['Bị bãi bỏ bởi', 'Bãi bỏ'],
  expires: ['Bị tuyên bố hết hiệu lực bởi', 'Tuyên bố hết hiệu lực'],
  amends: ['Được sửa đổi, bổ sung bởi', 'Sửa đổi, bổ sung'],
  corrects: ['Được đính chính bởi', 'Đính chính'],
  guides: ['Được hướng dẫn bởi', 'Hướng dẫn'],
  implements: ['Được thực hiện bởi', 'Thực hiện'],
  continues: ['Được tiếp tục thực hiện bởi', 'Tiếp tục thực hiện'],
  based_on: ['Là căn cứ của', 'Căn cứ'],
};

/** Incoming relations that are events in the life of a directive (the timeline). */
const TIMELINE_EVENTS = new Set(['replaces', 'repeals', 'expires', 'amends', 'continues']);

/** The value of a status field: {value, …} on detail pages, a plain string on search hits. */
export function statusValue(status) {
  if (typeof status === 'string') return status;
  return isObj(status) ? str(status.value) : '';
}

/** A status badge, or null for a missing or unknown-to-the-page value. */
export function statusBadge(status) {
  const label = STATUS_LABELS[statusValue(status)];
  if (!label) return null;
  const el = badge(label[0], `badge-status ${label[1]}`);
  if (isObj(status) && str(status.reason)) el.title = str(status.reason);
  return el;
}

/* --------------------------------------------------------------- status */

/**
 * "Tình trạng hiệu lực": the badge, the reason, the sentence that proves it
 * with a link to the document that states it, and `extra` (the as-of form).
 */
export function statusSection(id, status, asOf, incoming, extra = null) {
  const body = statusNode(status, asOf, incoming);
  if (!body && !extra) return null;
  return section(id, 'Tình trạng hiệu lực', body, extra);
}

/**
 * The badge (as of `asOf`), the reason and the evidence, or null without a
 * status. `incoming` (relations stated about it) gives the evidence's offsets.
 */
export function statusNode(status, asOf, incoming = []) {
  if (!isObj(status) || !statusValue(status)) return null;
  const head = h('p', { class: 'status-line' }, statusBadge(status) || statusValue(status),
    asOf ? h('span', { class: 'status-as-of' }, ' tại ngày ', dateEl(asOf)) : null);
  const reason = str(status.reason) ? h('p', { class: 'status-reason' }, str(status.reason)) : null;
  return h('div', { class: 'status-block' }, head, reason, evidence(status, arr(incoming).filter(isObj)));
}

/** The evidence sentence and the documents stating it (status.by), linked at the sentence when known. */
function evidence(status, incoming) {
  const sentence = str(status.sentence);
  const by = arr(status.by).filter(isObj).filter((b) => str(b.id));
  if (!sentence && !by.length) return null;
  const links = by.map((b) => {
    const edge = incoming.find((e) => str(e.id) === str(b.id) && e.type === b.relation);
    const at = edge ? { start: Number(edge.start), end: Number(edge.end) } : null;
    return h('a', { href: docUrl(str(b.id), null, at), 'data-nav': 'doc' },
      docLabel(str(b.type), str(b.symbol), str(b.title) || str(b.id)));
  });
  return h('div', { class: 'status-evidence' },
    sentence ? h('blockquote', { class: 'quote' }, sentence) : null,
    links.length ? h('p', { class: 'status-by' }, 'Văn bản nêu: ', ...joinNodes(links, '; ')) : null);
}

function joinNodes(nodes, sep) {
  return nodes.flatMap((n, i) => (i ? [sep, n] : [n]));
}

/** The "Tình trạng tại ngày" form: a date input whose submit calls onDate(YYYY-MM-DD or ''). */
export function asOfForm(idPrefix, asOf, onDate) {
  const inputId = `${idPrefix}-as-of`;
  const input = h('input', { id: inputId, name: 'as_of', type: 'date', value: asOf || null });
  const form = h('form', { class: 'as-of-form', 'aria-label': 'Xem tình trạng tại một ngày' },
    h('label', { for: inputId }, 'Tình trạng tại ngày'),
    input,
    h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Xem'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onDate(input.value);
  });
  return form;
}

/* ------------------------------------------------------------ relations */

/**
 * "Quan hệ với văn bản khác": edges grouped by type, incoming ones (what
 * other documents state about this one) before outgoing ones.
 */
export function relationsSection(id, incoming, outgoing) {
  const groups = [];
  for (const [type, [inLabel, outLabel]] of Object.entries(RELATION_LABELS)) {
    const ins = arr(incoming).filter(isObj).filter((e) => e.type === type);
    const outs = arr(outgoing).filter(isObj).filter((e) => e.type === type);
    if (ins.length) groups.push(relationGroup(`${id}-in-${type}`, inLabel, ins.map(incomingEntry)));
    if (outs.length) groups.push(relationGroup(`${id}-out-${type}`, outLabel, outs.map(outgoingEntry)));
  }
  if (!groups.length) return null;
  return section(id, 'Quan hệ với văn bản khác', ...groups);
}

function relationGroup(id, label, entries) {
  return h('div', { class: 'relation-group' },
    h('h4', { id, class: 'relation-label' }, `${label} (${numberFmt.format(entries.length)})`),
    h('ul', { class: 'entry-list', role: 'list', 'aria-labelledby': id }, entries));
}

/** Another document of the corpus that states the relation: linked at the sentence. */
function incomingEntry(e) {
  const label = docLabel(str(e.doc_type), str(e.symbol), str(e.title) || str(e.id));
  const href = docUrl(str(e.id), null, { start: Number(e.start), end: Number(e.end) });
  return relationEntry(h('a', { href, 'data-nav': 'doc' }, label), e, str(e.doc_date));
}

/** A document this one states the relation about: its directive page when it has a key. */
function outgoingEntry(e) {
  const key = str(e.key);
  // `type` is the relation's: the directive's own type is known only from the citations seen.
  const label = directiveLabels.get(key) || str(e.symbol) || key;
  const link = key ? h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label) : h('span', null, label);
  return relationEntry(link, e, '');
}

function relationEntry(link, e, docDate) {
  const li = h('li', { class: 'entry' }, h('p', { class: 'entry-title' }, link));
  const part = e.scope === 'part' ? `một phần${str(e.scope_text) ? `: ${str(e.scope_text)}` : ''}` : '';
  const meta = metaLine([
    dateEl(docDate),
    part,
    str(e.date) ? h('span', null, 'từ ngày ', dateEl(e.date)) : null,
  ]);
  if (meta) li.append(meta);
  if (str(e.sentence)) li.append(h('blockquote', { class: 'quote' }, str(e.sentence)));
  return li;
}

/** "Chỉ thị 12/CT-UBND" when the document has a symbol, else its title (a bare type says nothing). */
function docLabel(type, symbol, title) {
  return symbol ? [type, symbol].filter(Boolean).join(' ') : title;
}

/* ------------------------------------------------------------- timeline */

/** "Diễn biến": signed, in effect, then what other documents did to it, by date. */
export function timelineSection(id, d) {
  const events = timelineEvents(d);
  if (events.length < 2) return null; // a lone "ban hành" says nothing the header does not
  const list = h('ol', { class: 'timeline', role: 'list' }, events.map((ev) => h('li', { class: 'timeline-event' },
    ev.date ? dateEl(ev.date) : h('span', null, 'Chưa rõ ngày'),
    h('span', { class: 'timeline-what' }, ev.what))));
  return section(id, 'Diễn biến', list);
}

function timelineEvents(d) {
  const events = [];
  if (str(d.date)) events.push({ date: str(d.date), what: 'Ban hành' });
  if (str(d.effective_from)) events.push({ date: str(d.effective_from), what: 'Có hiệu lực' });
  const incoming = isObj(d.relations) ? arr(d.relations.incoming) : [];
  // The status knows when a replacement took effect; the edge only when its sentence says.
  const since = new Map(arr(isObj(d.status) ? d.status.by : []).filter(isObj).map((b) => [str(b.id), str(b.date)]));
  for (const e of incoming.filter(isObj)) {
    if (!TIMELINE_EVENTS.has(e.type)) continue;
    const by = docLabel(str(e.doc_type), str(e.symbol), str(e.title));
    const date = str(e.date) || since.get(str(e.id)) || str(e.doc_date);
    events.push({ date, what: `${RELATION_LABELS[e.type][0]} ${by}` });
  }
  // ISO dates sort as text; undated events last.
  return events.sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
}

/* --------------------------------------------------- implementation tree */

/** "Tổ chức thực hiện": the documents carrying the directive out, down the chain. */
/** `extra` (e.g. export links) goes under the tree. */
export function implementationSection(id, tree, extra = null) {
  const children = isObj(tree) ? arr(tree.children).filter(isObj) : [];
  if (!children.length) return null;
  return section(id, 'Tổ chức thực hiện',
    h('p', { class: 'section-intro' }, 'Các văn bản trong kho thực hiện văn bản này, và văn bản thực hiện tiếp các văn bản đó:'),
    implementationList(children, 1), extra);
}

const MAX_TREE_DEPTH = 8; // the server already cuts cycles; this only bounds a malformed answer

function implementationList(nodes, depth) {
  return h('ul', { class: 'impl-tree', role: 'list' }, nodes.map((n) => implementationNode(n, depth)));
}

/** One node: its link, type · issuer · date, and (on expand) its sentence and its own implementers. */
function implementationNode(n, depth) {
  const id = str(n.id);
  const key = str(n.key);
  const label = docLabel(str(n.type), str(n.symbol), str(n.title) || id || key);
  let link = h('span', null, label);
  if (id) link = h('a', { href: docUrl(id), 'data-nav': 'doc' }, label);
  else if (key) link = h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label);
  const li = h('li', { class: 'impl-node' }, h('p', { class: 'entry-title' }, link));
  const meta = metaLine([str(n.symbol) ? '' : str(n.type), str(n.issuer), dateEl(n.date)]);
  if (meta) li.append(meta);

  const children = depth < MAX_TREE_DEPTH ? arr(n.children).filter(isObj) : [];
  if (!str(n.sentence) && !children.length) return li;
  const summary = children.length
    ? `Câu trích dẫn và ${numberFmt.format(children.length)} văn bản thực hiện tiếp`
    : 'Câu trích dẫn';
  li.append(h('details', { class: 'impl-details' },
    h('summary', null, summary),
    str(n.sentence) ? h('blockquote', { class: 'quote' }, str(n.sentence)) : null,
    children.length ? implementationList(children, depth + 1) : null));
  return li;
}
