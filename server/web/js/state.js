/*
 * The page's shared mutable state, in one place. Everything else a view
 * keeps (open facet groups, the directive types seen) is private to its
 * module; the rest of the state is in the URL (url.js).
 */

/** Directive key → "Chỉ thị 34-CT/TW", learnt from every response, for filter chips. */
export const directiveLabels = new Map();

/** The render in progress: set by the router and navigate(), used up when a view is rendered. */
export const nav = {
  currentView: '',
  pendingFocus: null, // 'heading' | 'input' | { key } — where focus goes after the next render
  restoring: false,   // the current render comes from back/forward
};
