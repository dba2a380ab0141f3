// Marks the query's words inside a hit's text, as DOM nodes (text and <mark>): the text is never parsed as HTML.
// The search stems words (full text) and matches meaning (vectors), so a word counts when it starts with a query
// word's first letters ("crossing" for "crosses"): exact enough to guide the eye, never a claim of why it matched.

// Words too common to be worth marking (the search's full text drops them too).
const STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'do', 'for', 'from', 'how', 'i', 'in', 'is',
  'it', 'my', 'of', 'on', 'or', 'so', 'the', 'to', 'we', 'what', 'when', 'where', 'which', 'who', 'why', 'with',
  'you', 'your', 'should', 'can', 'does', 'this', 'that']);

/** The query's distinct words worth marking, each cut to a stem-like prefix ("crosses" -> "cross"). */
export function queryTerms(query) {
  const words = String(query ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  const terms = new Set();
  for (const word of words) {
    if (STOP.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
    terms.add(word.length > 5 ? word.slice(0, word.length - 2) : word);
  }
  return [...terms].slice(0, 32);
}

/** [text, {mark: 'RSI'}, text, ...]: the parts of text, the marked ones tagged. */
export function splitMarked(text, terms) {
  const source = String(text ?? '');
  if (terms.length === 0) return [source];
  const escaped = terms.map(term => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // a word that starts with a term, from a word boundary (letters and digits, any script)
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const parts = [];
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) parts.push(source.slice(last, match.index));
    parts.push({mark: match[0]});
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  return parts;
}

/** The text as nodes with the query's words in <mark> elements. */
export function highlighted(text, query, h) {
  return splitMarked(text, queryTerms(query)).map(part => typeof part === 'string' ? part : h('mark', {}, part.mark));
}
