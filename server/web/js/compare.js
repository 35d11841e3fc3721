/*
 * Documents side by side (?compare=ID1,ID2,…): what each campaign document
 * asks. Its content items aligned row by row (the same task worded
 * differently is one row), its targets per year, its period and who
 * launched its movement, and what is new or dropped since the previous
 * document of the same issuer. The campaign page shows the comparison of
 * its documents with the same builders (comparisonSections), and a
 * document offers "So sánh với…" (renderCompareOffer).
 */
import { api, seg } from './api.js';
import {
  $, arr, badge, dateEl, formatDate, h, isObj, metaLine, metaParts, numberFmt, section, str, toCount,
} from './dom.js';
import { navigate, saveScroll } from './nav.js';
import { finishRender, markBusy, showAlert, showRecoverLink } from './page.js';
import { campaignsUrl, compareUrl, docUrl, MAX_COMPARED } from './url.js';

const OFFER_CAMPAIGNS_MAX = 3; // campaigns of a document whose documents are offered

const els = {
  view: $('compare-view'),
  page: $('compare'),
  title: $('compare-title'),
  meta: $('compare-meta'),
  sections: $('compare-sections'),
};

export const NOT_FOUND = {
  compare: ['Không tìm thấy văn bản cần so sánh', 'Một trong các văn bản cần so sánh không có trong kho.'],
};

export async function show(state, signal) {
  els.title.textContent = 'Đang tải…';
  els.meta.replaceChildren();
  els.sections.replaceChildren();
  markBusy(els.page);

  const c = await api(`/api/compare?${new URLSearchParams({ ids: state.compare.join(',') })}`, signal);
  if (signal.aborted) return;

  const docs = arr(c.documents).filter(isObj);
  const title = `So sánh ${numberFmt.format(docs.length)} văn bản`;
  els.title.textContent = title;
  document.title = `${title} — vanban`;
  els.meta.replaceChildren(...metaParts([
    `${numberFmt.format(arr(c.rows).length)} nội dung`,
    `${numberFmt.format(arr(c.targets).length)} chỉ tiêu`,
  ]));
  els.sections.replaceChildren(...comparisonSections(c, 'compare'));
  finishRender(els.view, els.title, { detail: true });
}

export function showError(state, heading) {
  els.title.textContent = heading;
  showRecoverLink(els.sections, campaignsUrl(), 'campaigns', 'Xem danh sách phong trào thi đua');
  return els.title;
}

/* ------------------------------------------------------- the comparison */

/**
 * The sections of a comparison ({documents, rows, targets}): ids start
 * with `prefix`, headings with `titlePrefix`.
 */
export function comparisonSections(c, prefix, titlePrefix = '') {
  const docs = arr(c.documents).filter(isObj);
  if (!docs.length) return [];
  return [
    documentsSection(docs, `${prefix}-docs`, `${titlePrefix}Các văn bản so sánh`),
    rowsSection(docs, arr(c.rows).filter(isObj), `${prefix}-rows`, `${titlePrefix}Nội dung`),
    targetsSection(docs, arr(c.targets).filter(isObj), `${prefix}-targets`, `${titlePrefix}Chỉ tiêu`),
  ].filter(Boolean);
}

const columnLabel = (i) => `Văn bản ${numberFmt.format(i + 1)}`;

function documentsSection(docs, id, title) {
  const list = h('ol', { class: 'entry-list compare-docs', role: 'list' });
  docs.forEach((d, i) => list.append(documentEntry(d, i, docs)));
  return section(id, title, list);
}

function documentEntry(d, i, docs) {
  const li = h('li', { class: 'entry' },
    h('p', { class: 'entry-title' },
      h('span', { class: 'compare-col' }, `${columnLabel(i)}: `),
      h('a', { href: docUrl(str(d.id)), 'data-nav': 'doc' }, str(d.title) || str(d.id))));
  const meta = metaLine([dateEl(d.date), str(d.issuer), [str(d.type), str(d.symbol)].filter(Boolean).join(' ')]);
  if (meta) li.append(meta);
  const period = isObj(d.period) ? str(d.period.text) : '';
  if (period) li.append(h('p', { class: 'entry-text' }, `Thời gian thực hiện: ${period}`));
  const movement = str(d.movement);
  if (movement) {
    const launcher = str(d.launcher);
    li.append(h('p', { class: 'entry-text' }, `Phát động: “${movement}”${launcher ? ` — ${launcher}` : ''}`));
  }
  li.append(changesLine(d, docs));
  return li;
}

/** "So với Văn bản 1 (cùng cơ quan): 3 nội dung mới, 2 nội dung không còn". */
function changesLine(d, docs) {
  const prev = docs.findIndex((x) => str(x.id) === str(d.previous));
  if (prev < 0) return h('p', { class: 'entry-text compare-changes' }, 'Không có văn bản trước của cùng cơ quan để so sánh.');
  const added = arr(d.new).length;
  const dropped = arr(d.dropped).length;
  return h('p', { class: 'entry-text compare-changes' },
    `So với ${columnLabel(prev)} (cùng cơ quan, trước đó): ${numberFmt.format(added)} nội dung mới, `
    + `${numberFmt.format(dropped)} nội dung không còn.`);
}

/** A table in a region that scrolls sideways on its own (the page never does). */
function scrollTable(label, table) {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, table);
}

function headerRow(docs, first = null) {
  return h('tr', null, first ? h('th', { scope: 'col' }, first) : null,
    docs.map((d, i) => h('th', { scope: 'col' }, columnLabel(i),
      str(d.date) ? h('span', { class: 'compare-col-date' }, ` (${formatDate(str(d.date))})`) : null)));
}

function rowsSection(docs, rows, id, title) {
  if (!rows.length) return null;
  const added = docs.map((d) => new Set(arr(d.new)));
  const dropped = docs.map((d) => new Set(arr(d.dropped)));
  const body = h('tbody');
  rows.forEach((row, r) => {
    const cells = arr(row.cells);
    body.append(h('tr', null, docs.map((d, i) => itemCell(cells[i], added[i].has(r), dropped[i].has(r)))));
  });
  const table = h('table', { class: 'compare-table' },
    h('caption', { class: 'sr-only' }, 'Nội dung của từng văn bản; mỗi hàng là một nhiệm vụ'),
    h('thead', null, headerRow(docs)), body);
  const intro = h('p', { class: 'section-intro' },
    'Mỗi hàng là một nhiệm vụ: cùng nội dung dù diễn đạt khác nhau giữa các tỉnh, các năm. '
    + '“Mới” và “không còn” so với văn bản trước của cùng cơ quan.');
  return section(id, `${title} (${numberFmt.format(rows.length)})`, intro,
    scrollTable('Bảng so sánh nội dung', table));
}

function itemCell(item, isNew, isDropped) {
  if (!isObj(item)) {
    return h('td', { class: 'is-missing' },
      isDropped ? badge('không còn', 'badge-strong') : h('span', { 'aria-label': 'không có' }, '—'));
  }
  const number = str(item.number);
  const depth = Math.min(3, toCount(item.depth, 0));
  return h('td', { class: depth ? `compare-depth-${depth}` : null },
    number ? h('span', { class: 'compare-number' }, `${number}${/^[-+]$/.test(number) ? '' : '.'} `) : null,
    str(item.text),
    isNew ? badge('mới') : null);
}

function targetsSection(docs, targets, id, title) {
  if (!targets.length) return null;
  const body = h('tbody');
  for (const t of targets) {
    const cells = arr(t.cells);
    body.append(h('tr', null,
      h('th', { scope: 'row' }, str(t.indicator)),
      docs.map((d, i) => targetCell(cells[i]))));
  }
  const table = h('table', { class: 'compare-table' },
    h('caption', { class: 'sr-only' }, 'Chỉ tiêu của từng văn bản'),
    h('thead', null, headerRow(docs, 'Chỉ tiêu')), body);
  return section(id, `${title} (${numberFmt.format(targets.length)})`, scrollTable('Bảng so sánh chỉ tiêu', table));
}

function targetCell(t) {
  if (!isObj(t)) return h('td', { class: 'is-missing' }, h('span', { 'aria-label': 'không có' }, '—'));
  const when = str(t.when);
  return h('td', null, h('span', { class: 'compare-value' }, `${str(t.value_text)} ${str(t.unit)}`.trim()),
    when ? h('span', { class: 'compare-when' }, ` (${when})`) : null);
}

/* ----------------------------------------------------- choosing documents */

/**
 * A section `title` with a form to pick documents to compare with
 * `baseIds`: one fieldset of checkboxes per group ({legend, docs}).
 * Submitting opens the comparison.
 */
export function compareChooser(id, title, groups, baseIds, intro) {
  const seen = new Set(baseIds);
  const fieldsets = [];
  let n = 0;
  for (const g of groups) {
    const boxes = [];
    for (const d of arr(g.docs).filter(isObj)) {
      const docId = str(d.id);
      if (!docId || seen.has(docId)) continue;
      seen.add(docId);
      n += 1;
      const boxId = `${id}-${n}`;
      boxes.push(h('li', { class: 'choice' },
        h('input', { type: 'checkbox', id: boxId, name: 'doc', value: docId }),
        h('label', { for: boxId }, str(d.title) || docId,
          str(d.date) ? h('span', { class: 'choice-date' }, ` (${formatDate(str(d.date))})`) : null)));
    }
    if (boxes.length) fieldsets.push(h('fieldset', { class: 'choices' }, h('legend', null, g.legend), h('ul', { class: 'plain-list' }, boxes)));
  }
  if (!fieldsets.length) return null;
  const form = h('form', { class: 'compare-form', action: '/', method: 'get' },
    ...fieldsets,
    h('p', { class: 'field-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'So sánh các văn bản đã chọn')));
  form.addEventListener('submit', (e) => onChoose(e, form, baseIds));
  return section(id, title, h('p', { class: 'section-intro' }, intro), form);
}

function onChoose(e, form, baseIds) {
  e.preventDefault();
  const chosen = Array.from(form.querySelectorAll('input[name="doc"]:checked')).map((x) => x.value);
  const ids = [...baseIds, ...chosen];
  if (ids.length < 2) {
    showAlert('Cần ít nhất hai văn bản để so sánh: hãy chọn thêm.');
    return;
  }
  if (ids.length > MAX_COMPARED) {
    showAlert(`Chỉ so sánh được tối đa ${MAX_COMPARED} văn bản cùng lúc.`);
    return;
  }
  saveScroll({ focusHref: null });
  navigate(compareUrl(ids), { focus: 'heading' });
}

/**
 * "So sánh với…" under a document: its similar documents and the other
 * documents of its campaigns (fetched), appended to `container` when known.
 */
export async function renderCompareOffer(doc, container, signal) {
  const id = str(doc.id);
  const campaigns = [...new Map(arr(doc.campaigns).filter(isObj).filter((c) => str(c.id))
    .map((c) => [str(c.id), str(c.name) || str(c.id)])).entries()].slice(0, OFFER_CAMPAIGNS_MAX);
  const details = await Promise.all(campaigns.map(([cid]) => api(`/api/campaigns/${seg(cid)}`, signal).catch((err) => {
    if (err && err.name === 'AbortError') throw err;
    return null;
  })));
  if (signal.aborted) return;
  const groups = [{ legend: 'Văn bản tương tự', docs: arr(doc.similar) }];
  campaigns.forEach(([, name], i) => {
    if (isObj(details[i])) groups.push({ legend: `Cùng phong trào “${name}”`, docs: arr(details[i].documents) });
  });
  const offer = compareChooser('doc-compare', 'So sánh với…', groups, [id],
    'Đặt văn bản này cạnh các văn bản khác: nội dung, chỉ tiêu, thời gian và đơn vị phát động.');
  if (offer) container.append(offer);
}
