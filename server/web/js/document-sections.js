/*
 * The sections under a document's text: the directives it cites, the
 * directive it is, the documents citing it, its campaigns, similar documents.
 */
import { api, seg } from './api.js';
import {
  $, arr, badge, dateEl, h, isObj, metaLine, numberFmt, section, str, toCount, typeAndSymbol,
} from './dom.js';
import { citingEntry, docEntry } from './entries.js';
import { relationsSection } from './relations.js';
import { directiveLabels } from './state.js';
import { campaignUrl, directiveUrl } from './url.js';

/** The sections of `doc`, in page order; "Là văn bản được trích dẫn" is a slot filled by renderIsDirective(). */
export function sectionsOf(doc, citations) {
  return [
    citationsSection(citations),
    relationsSection('doc-relations', [], doc.relations),
    h('div', { id: 'doc-is-directive', hidden: true }),
    citedBySection(arr(doc.cited_by)),
    campaignsSection(arr(doc.campaigns)),
    similarSection(arr(doc.similar)),
  ].filter(Boolean);
}

/** "Văn bản trích dẫn": one entry per cited directive, in order of first mention. */
function citationsSection(citations) {
  const items = distinctCitations(citations);
  if (!items.length) return null;

  const list = h('ul', { class: 'entry-list', role: 'list' });
  for (const { c, key, count } of items) {
    const label = typeAndSymbol(c) || str(c.text) || key;
    const title = key
      ? h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label)
      : h('span', null, label);
    const li = h('li', { class: 'entry' }, h('p', { class: 'entry-title' }, title));
    const meta = metaLine([
      dateEl(c.date),
      str(c.issuer),
      count > 1 ? `nhắc đến ${numberFmt.format(count)} lần` : '',
    ]);
    if (meta) li.append(meta);
    if (str(c.subject)) li.append(h('p', { class: 'entry-text' }, str(c.subject)));
    list.append(li);
  }
  return section('doc-citations', `Văn bản trích dẫn (${numberFmt.format(items.length)})`, list);
}

/** The citations grouped by directive (or by what they say when they name none): [{c, key, count}]. */
function distinctCitations(citations) {
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
  return items;
}

/**
 * "Là văn bản được trích dẫn": the document IS one of the cited
 * directives. The API gives only keys, so each is looked up for its label.
 */
export async function renderIsDirective(doc, signal) {
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
  keys.forEach((key, i) => list.append(isDirectiveEntry(key, isObj(details[i]) ? details[i] : {})));
  const intro = h('p', { class: 'section-intro' }, 'Văn bản này chính là văn bản được các văn bản khác trích dẫn dưới số hiệu:');
  slot.replaceWith(section('doc-is-directive', 'Là văn bản được trích dẫn', intro, list));
}

function isDirectiveEntry(key, d) {
  const label = typeAndSymbol(d) || directiveLabels.get(key) || key;
  const li = h('li', { class: 'entry' },
    h('p', { class: 'entry-title' }, h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label)));
  const n = toCount(d.cited_by_count, -1);
  const meta = metaLine([
    dateEl(d.date),
    str(d.issuer),
    n >= 0 ? `được ${numberFmt.format(n)} văn bản trích dẫn` : '',
  ]);
  if (meta) li.append(meta);
  return li;
}

function citedBySection(citedBy) {
  const items = citedBy.filter(isObj).filter((c) => str(c.id));
  if (!items.length) return null;
  const list = h('ul', { class: 'entry-list', role: 'list' },
    items.map((c) => citingEntry(c, [])));
  return section('doc-cited-by', `Được trích dẫn bởi (${numberFmt.format(items.length)})`, list);
}

function campaignsSection(campaigns) {
  const distinct = distinctCampaigns(campaigns);
  if (!distinct.length) return null;
  const list = h('ul', { class: 'entry-list', role: 'list' });
  for (const c of distinct) {
    list.append(h('li', { class: 'entry' },
      h('p', { class: 'entry-title' },
        h('a', { href: campaignUrl(c.id), 'data-nav': 'campaign' }, c.name),
        c.local ? badge('địa phương') : null,
        c.launched ? badge('văn bản này phát động', 'badge-strong') : null)));
  }
  return section('doc-campaigns', `Phong trào thi đua (${numberFmt.format(distinct.length)})`, list);
}

function distinctCampaigns(campaigns) {
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
  return Array.from(byId.values());
}

function similarSection(similar) {
  const items = similar.filter(isObj).filter((s) => str(s.id));
  if (!items.length) return null;
  const list = h('ul', { class: 'entry-list', role: 'list' }, items.map((s) => docEntry(s)));
  return section('doc-similar', 'Văn bản tương tự', list);
}
