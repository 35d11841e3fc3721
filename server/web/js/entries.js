/*
 * List entries that several views show: a document with its date, a
 * document with the sentence that cites something, a list of directives.
 */
import {
  arr, dateEl, h, isObj, markText, metaLine, section, str, toCount, typeAndSymbol,
} from './dom.js';
import { directiveLabels } from './state.js';
import { directiveUrl, docUrl } from './url.js';

/**
 * A corpus document as an entry: its title linking to it (then `titleExtra`,
 * e.g. a badge), and a meta line of `meta` (default: its date).
 * `linkAttrs` are added to the link.
 */
export function docEntry(d, { titleExtra = null, meta = [dateEl(d.date)], linkAttrs = null } = {}) {
  const id = str(d.id);
  const li = h('li', { class: 'entry' },
    h('p', { class: 'entry-title' },
      h('a', { href: docUrl(id), 'data-nav': 'doc', ...linkAttrs }, str(d.title) || id),
      titleExtra));
  const line = metaLine(meta);
  if (line) li.append(line);
  return li;
}

/** A document that cites something, with the citing sentence (text, with `needles` marked). */
export function citingEntry(c, needles) {
  const li = docEntry(c);
  const sentence = str(c.sentence);
  if (sentence) li.append(h('blockquote', { class: 'quote' }, markText(sentence, needles)));
  return li;
}

/** A list of directives ({key, type, symbol, count}) linking to their pages. */
export function relatedDirectivesSection(id, title, items, countText) {
  const related = arr(items).filter(isObj).filter((x) => str(x.key));
  if (!related.length) return null;
  const list = h('ul', { class: 'entry-list entry-list-compact', role: 'list' });
  for (const x of related) {
    const key = str(x.key);
    const label = typeAndSymbol(x) || key;
    directiveLabels.set(key, label);
    list.append(h('li', { class: 'entry' },
      h('a', { href: directiveUrl(key), 'data-nav': 'directive' }, label),
      h('span', { class: 'entry-count' }, countText(toCount(x.count, 0)))));
  }
  return section(id, title, list);
}
