/*
 * History entries: pushing a new one, and what each remembers (its scroll
 * position, the link followed from it, the view it was reached from).
 * Rendering is the router's: main.js registers it with setRouter().
 */
import { nav } from './state.js';

const SCROLL_SAVE_DELAY_MS = 200; // scroll events are many; the position is saved once they pause

let scrollTimer = 0;
let router = () => {};

/** The router navigate() calls after changing the URL: ({ fresh }) => void. */
export function setRouter(fn) {
  router = fn;
}

/** history.state as an object ({} when the entry has none). */
export function entryState() {
  return history.state && typeof history.state === 'object' ? history.state : {};
}

export function saveScroll(extra = {}) {
  clearTimeout(scrollTimer);
  history.replaceState({ ...entryState(), scrollY: window.scrollY, ...extra }, '');
}

/** Keep the current entry's scroll position up to date so "back" lands where the user was. */
export function saveScrollSoon() {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => saveScroll(), SCROLL_SAVE_DELAY_MS);
}

export function cancelScrollSave() {
  clearTimeout(scrollTimer);
}

/**
 * Push a new history entry (or replace it when the URL is unchanged) and render it.
 * `focus`: 'heading' | 'input' | { key } | null.
 */
export function navigate(url, { fresh = false, focus = null } = {}) {
  saveScroll(); // remember where we were on the entry we are leaving
  const target = new URL(url, location.href);
  const next = target.pathname + target.search;
  const current = location.pathname + location.search;
  if (next === current) {
    history.replaceState({ from: entryState().from || '' }, '', next);
  } else {
    // `from` labels the document view's back button and tells it that
    // history.back() stays inside the app.
    history.pushState({ from: nav.currentView || 'home' }, '', next);
  }
  nav.pendingFocus = focus;
  nav.restoring = false;
  router({ fresh });
}
