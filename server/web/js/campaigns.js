/*
 * Emulation campaigns: the list (?view=campaigns[&q=…], filtered as the
 * user types, with or without diacritics) and the page of one campaign
 * (?campaign=ID).
 */
import { api, seg } from './api.js';
import {
  $, arr, badge, h, isObj, metaParts, numberFmt, section, str, toCount,
} from './dom.js';
import { comparisonSections, compareChooser } from './compare.js';
import { docEntry, relatedDirectivesSection } from './entries.js';
import { finishRender, markBusy, showRecoverLink } from './page.js';
import { campaignsUrl, campaignUrl } from './url.js';

const els = {
  // list
  listView: $('campaigns-view'),
  listHeading: $('campaigns-heading'),
  status: $('camp-status'),
  list: $('camp-list'),
  filter: $('camp-filter'),
  // one campaign
  pageView: $('campaign-view'),
  page: $('campaign'),
  crumb: $('campaign-crumb'),
  title: $('campaign-title'),
  meta: $('campaign-meta'),
  sections: $('campaign-sections'),
};

export const NOT_FOUND = {
  campaign: ['Không tìm thấy phong trào thi đua', 'Không có phong trào thi đua nào với mã này trong kho.'],
};

/** Renders the list (view "campaigns") or one campaign (view "campaign"). */
export function show(state, signal) {
  return state.view === 'campaign' ? showCampaign(state, signal) : showCampaigns(state, signal);
}

export function showError(state, heading) {
  if (state.view !== 'campaign') {
    els.status.textContent = '';
    return null;
  }
  els.title.textContent = heading;
  els.crumb.textContent = heading;
  showRecoverLink(els.sections, campaignsUrl(), 'campaigns', 'Xem danh sách phong trào thi đua');
  return els.title;
}

/* ----------------------------------------------------------------- list */

/** "Dân vận khéo" → "dan van kheo": how the filter compares names (as the index folds words). */
export function foldText(s) {
  return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The campaigns of the last answer, each with the folded text the filter searches. */
let loaded = [];

/** Wires the filter box: the list narrows as the user types; the URL keeps the words. */
export function init() {
  els.filter.form.addEventListener('submit', (e) => e.preventDefault());
  els.filter.addEventListener('input', () => {
    const q = els.filter.value;
    history.replaceState(history.state, '', campaignsUrl(q.trim()));
    renderCampaigns(q);
  });
}

async function showCampaigns(state, signal) {
  document.title = 'Phong trào thi đua — vanban';
  els.list.replaceChildren();
  els.filter.value = state.q;
  els.status.textContent = 'Đang tải danh sách…';
  markBusy(els.list);

  const data = await api('/api/campaigns', signal);
  if (signal.aborted) return;

  loaded = arr(data.campaigns).filter(isObj).filter((c) => str(c.id)).map((c) => ({
    c,
    folded: foldText([str(c.name), ...arr(c.variants).filter(isObj).map((v) => str(v.name))].join(' \n ')),
  }));
  renderCampaigns(state.q);
  finishRender(els.listView, els.listHeading);
}

/** The loaded campaigns whose name or a variant has every word of `q`, folded. */
function renderCampaigns(q) {
  const words = foldText(q).split(' ').filter(Boolean);
  const shown = loaded.filter((x) => words.every((w) => x.folded.includes(w)));
  if (!loaded.length) els.status.textContent = 'Chưa có phong trào thi đua nào trong kho.';
  else if (!words.length) els.status.textContent = `Có ${numberFmt.format(loaded.length)} phong trào thi đua`;
  else {
    els.status.textContent = shown.length
      ? `${numberFmt.format(shown.length)} trong ${numberFmt.format(loaded.length)} phong trào thi đua khớp “${q.trim()}”`
      : `Không có phong trào thi đua nào khớp “${q.trim()}”`;
  }
  els.list.replaceChildren(...shown.map((x) => campaignCard(x.c)));
}

function campaignCard(c) {
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
}

/* -------------------------------------------------------- one campaign */

async function showCampaign(state, signal) {
  els.title.textContent = 'Đang tải…';
  els.crumb.textContent = '';
  els.meta.replaceChildren();
  els.sections.replaceChildren();
  markBusy(els.page);

  const c = await api(`/api/campaigns/${seg(state.campaign)}`, signal);
  if (signal.aborted) return;

  const name = str(c.name) || str(c.id) || state.campaign;
  els.title.textContent = name;
  els.crumb.textContent = name;
  document.title = `${name} — Phong trào thi đua — vanban`;

  const variants = arr(c.variants).filter(isObj).filter((v) => str(v.name));
  const docs = arr(c.documents).filter(isObj).filter((d) => str(d.id));
  els.meta.replaceChildren(...metaParts([
    `${numberFmt.format(toCount(c.document_count, docs.length))} văn bản`,
    `${numberFmt.format(variants.length)} cách gọi`,
  ]));
  els.sections.replaceChildren(...[
    variantsSection(variants),
    launchersSection(arr(c.launchers).map(str).filter(Boolean)),
    documentsSection(docs),
    ...campaignComparison(c, docs),
    relatedDirectivesSection('campaign-directives', 'Văn bản chỉ đạo được trích dẫn', c.cited_directives,
      (n) => ` — trích dẫn trong ${numberFmt.format(n)} văn bản`),
  ].filter(Boolean));
  finishRender(els.pageView, els.title, { detail: true });
}

/**
 * The campaign's documents side by side (the API compares the newest
 * ones), and a chooser to compare some of them.
 */
function campaignComparison(c, docs) {
  if (!isObj(c.comparison) || docs.length < 2) return [];
  const chooser = compareChooser('campaign-choose', 'Chọn văn bản để so sánh', [{ legend: 'Văn bản của phong trào', docs }], [],
    'Chọn hai văn bản trở lên để đặt cạnh nhau riêng.');
  return [...comparisonSections(c.comparison, 'campaign-compare', 'So sánh: '), chooser];
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

function documentsSection(docs) {
  if (!docs.length) return null;
  const list = h('ul', { class: 'entry-list', role: 'list' });
  for (const d of docs) {
    const li = docEntry(d, {
      titleExtra: d.launches === true ? badge('văn bản phát động', 'badge-strong') : null,
    });
    const names = arr(d.names).map(str).filter(Boolean);
    if (names.length) li.append(h('p', { class: 'entry-text' }, `Tên gọi trong văn bản: ${names.join('; ')}`));
    list.append(li);
  }
  return section('campaign-docs', `Văn bản (${numberFmt.format(docs.length)})`, list);
}
