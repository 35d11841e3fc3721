/*
 * Numbered pages: "Trang trước 1 2 3 … 9 10 Trang sau", the current page
 * marked aria-current. Links are real <a href> (open in a new tab works).
 */
import { h, numberFmt } from './dom.js';

/** Pages shown on each side of the current one. */
const AROUND = 2;

/**
 * The page numbers to offer for `page` of `total`, with null for a gap:
 * the first and last pages and AROUND pages either side of the current
 * (a gap of a single page shows that page).
 * pageNumbers(1, 10) → [1, 2, 3, null, 10]; pageNumbers(6, 10) → [1, null, 4, 5, 6, 7, 8, 9, 10].
 */
export function pageNumbers(page, total) {
  const wanted = new Set([1, total]);
  for (let p = page - AROUND; p <= page + AROUND; p++) if (p >= 1 && p <= total) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last != null && p - last === 2) out.push(p - 1); // a gap of one page: show it
    else if (last != null && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}

/** Fills `nav` with numbered links of `total` pages, `page` current; hidden when there is one page. */
export function renderNumberedPager(nav, page, total, urlFor) {
  if (total <= 1 && page <= 1) {
    nav.hidden = true;
    nav.replaceChildren();
    return;
  }
  const step = (target, label, key) => (target >= 1 && target <= total
    ? h('a', { class: 'btn btn-secondary', href: urlFor(target), 'data-nav': 'search', 'data-focus-key': key }, label)
    : h('span', { class: 'btn btn-secondary is-disabled', 'aria-disabled': 'true' }, label));
  const list = h('ul', { class: 'page-numbers', role: 'list' }, pageNumbers(page, total).map((p) => {
    if (p == null) return h('li', { class: 'page-gap', 'aria-hidden': 'true' }, '…');
    const current = p === page;
    return h('li', null, h('a', {
      class: current ? 'page-number is-current' : 'page-number',
      href: urlFor(p),
      'data-nav': 'search',
      'data-focus-key': `page-${p}`,
      'aria-current': current ? 'page' : null,
      'aria-label': `Trang ${numberFmt.format(p)}`,
    }, numberFmt.format(p)));
  }));
  nav.replaceChildren(step(page - 1, 'Trang trước', 'pager-prev'), list, step(page + 1, 'Trang sau', 'pager-next'));
  nav.hidden = false;
}
