/*
 * What every view does around its content: the alert line, the busy state,
 * and scroll and focus once the content is rendered.
 */
import { $, h } from './dom.js';
import { entryState } from './nav.js';
import { nav } from './state.js';

const alertBox = $('alert');
const searchBox = $('q');
const busy = new Set();

export function showAlert(message) {
  alertBox.textContent = message;
}

export function clearAlert() {
  alertBox.textContent = '';
}

/*
 * aria-busy goes on the content being replaced, never on <main>: screen
 * readers may hold back live-region announcements (status, alert) inside a
 * busy subtree.
 */
export function markBusy(el) {
  el.setAttribute('aria-busy', 'true');
  busy.add(el);
}

export function clearBusy() {
  for (const el of busy) el.removeAttribute('aria-busy');
  busy.clear();
}

/** Restore the scroll position saved for this history entry (0 for new entries). */
export function restoreScroll() {
  const y = Number.isFinite(entryState().scrollY) ? entryState().scrollY : 0;
  window.scrollTo(0, y);
}

/**
 * After a view is rendered: restore scroll, then move focus. Back/forward
 * returns focus to the link that was followed from this entry; otherwise
 * `pendingFocus` decides, and detail views always focus their heading.
 */
export function finishRender(view, heading, { detail = false } = {}) {
  restoreScroll();
  let target = null;
  const st = entryState();
  if (nav.restoring && typeof st.focusHref === 'string') {
    target = Array.from(view.querySelectorAll('a[href]')).find((a) => a.getAttribute('href') === st.focusHref) || null;
  }
  const pending = nav.pendingFocus;
  if (!target && pending && typeof pending === 'object' && pending.key) {
    target = Array.from(view.querySelectorAll('[data-focus-key]')).find((e) => e.dataset.focusKey === pending.key) || heading;
  }
  if (!target && pending === 'input') target = searchBox;
  if (!target && (pending === 'heading' || detail)) target = heading;
  if (target) target.focus({ preventScroll: true });
  nav.pendingFocus = null;
  nav.restoring = false;
}

/** The home page has nothing to load: only its scroll and the search box focus. */
export function finishHome() {
  restoreScroll();
  if (nav.pendingFocus === 'input') searchBox.focus();
  nav.pendingFocus = null;
  nav.restoring = false;
}

/** Replace a failed view's content with one link out of it. */
export function showRecoverLink(container, href, navKind, label) {
  container.replaceChildren(h('p', { class: 'recover' }, h('a', { href, 'data-nav': navKind }, label)));
}
