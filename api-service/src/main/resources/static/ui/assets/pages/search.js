// Search: one box over every lesson (GET /embeddings/search: meaning and words, fused), each hit with its words
// marked and a link that opens the lesson with its player at that moment. The address keeps the search
// (?q=&type=&media=), so a search can be bookmarked, shared and reloaded, and back returns to the results.
import {ApiProblem, get} from '../api.js';
import {clock, h, replace} from '../dom.js';
import {href, navigate} from '../router.js';
import {highlighted} from '../parts/highlight.js';

const TYPES = [['all', 'everything'], ['transcript', 'what was said'], ['frame', 'what was on screen'],
  ['clip', 'clips']];
// 20 hits a page; "more" asks again for 20 more, up to the API's top_k bound of 100
const TOP_K = 20;
const MAX_TOP_K = 100;

export function renderSearch(main, params, query) {
  const asked = {q: query.get('q') || '', type: query.get('type') || 'all', media: query.get('media') || '',
    top: Math.min(MAX_TOP_K, Math.max(TOP_K, Number(query.get('top')) || TOP_K))};
  const status = h('p', {id: 'search-status', class: 'help', role: 'status', 'aria-live': 'polite'});
  const problem = h('p', {id: 'search-error', class: 'form-error', role: 'alert'});
  const results = h('ol', {id: 'search-results', class: 'hit-list'});
  const more = h('p', {id: 'search-more'});
  const abort = new AbortController();

  replace(main,
    h('div', {class: 'page-head'}, h('h1', {}, 'Search')),
    h('section', {class: 'card', 'aria-labelledby': 'search-title'},
      h('h2', {id: 'search-title', class: 'visually-hidden'}, 'Search the lessons'),
      searchForm(asked),
      asked.media ? h('p', {class: 'help'}, 'Only one lesson is searched. ',
        h('a', {href: href(address({...asked, media: ''})), 'data-nav': true}, 'Search every lesson.')) : null,
      problem, status),
    results, more);

  if (asked.q.trim()) {
    search(asked, {status, problem, results, more, signal: abort.signal});
  } else {
    status.textContent = 'Ask in your own words (“when should I take profits”) or name exact terms '
      + '(“RSI(14) < 30”).';
  }
  return () => abort.abort();
}

async function search(asked, {status, problem, results, more, signal}) {
  status.textContent = 'Searching…';
  try {
    const answer = await get('embeddings/search', {query: asked.q, top_k: asked.top,
      embedding_type: asked.type === 'all' ? undefined : asked.type, media_id: asked.media || undefined}, signal);
    const titles = await lessonTitles(answer.hits, signal);
    replace(results, answer.hits.map((hit, i) => hitItem(hit, i, answer.query, titles)));
    status.textContent = `${answer.hits.length === 0 ? 'Nothing found' : `${answer.hits.length} moment`
      + `${answer.hits.length === 1 ? '' : 's'}`} for “${answer.query}” (${answer.mode} search)`
      + (answer.notes.length ? `. ${answer.notes.join(' ')}` : '.');
    document.title = `${answer.query} · Search · Trading Education`;
    // a full page may have more behind it; the address keeps how many, so back returns to the same list
    if (answer.hits.length >= asked.top && asked.top < MAX_TOP_K) {
      replace(more, h('a', {href: href(address({...asked, top: asked.top + TOP_K})), 'data-nav': true},
        `Show ${Math.min(TOP_K, MAX_TOP_K - asked.top)} more`));
    }
  } catch (error) {
    if (error.name === 'AbortError') return;
    status.textContent = '';
    // a 400 names the field and its bound, a 503 says embeddings-service is down: the API's words, as they came
    problem.textContent = error instanceof ApiProblem ? error.message : String(error);
  }
}

/** The lessons' file names, read once per lesson found (a deleted lesson keeps its id as its name). */
async function lessonTitles(hits, signal) {
  const ids = [...new Set(hits.map(hit => hit.media_id))];
  const entries = await Promise.all(ids.map(async id => {
    try {
      return [id, (await get(`media_items/${encodeURIComponent(id)}`, undefined, signal)).filename];
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      return [id, `lesson ${id.slice(0, 8)}`];
    }
  }));
  return new Map(entries);
}

/** Where the player should start: a frame's link names the second it was shown; otherwise the passage's start. */
export function playSeconds(hit) {
  const fragment = /#t=([\d.]+)/.exec(hit.play || '');
  return hit.type === 'frame' && fragment ? Number(fragment[1]) : hit.start_seconds;
}

function hitItem(hit, index, query, titles) {
  const at = playSeconds(hit);
  const title = titles.get(hit.media_id);
  const target = `lessons/${encodeURIComponent(hit.media_id)}?t=${Math.floor(at * 10) / 10}`;
  return h('li', {class: 'hit', 'data-type': hit.type, 'data-start': hit.start_seconds, 'data-end': hit.end_seconds},
    h('p', {class: 'hit-head'},
      h('span', {class: 'kind'}, hit.type), ' ',
      h('a', {href: href(target), 'data-nav': true, class: 'hit-link',
        'aria-label': `Play ${title} at ${clock(at)} (result ${index + 1})`},
      h('strong', {}, title), ` at ${clock(at)}`),
      h('span', {class: 'help'}, ` · ${clock(hit.start_seconds)}–${clock(hit.end_seconds)} · score `
        + hit.score.toFixed(3))),
    h('p', {class: 'hit-text'}, highlighted(hit.text, query, h)),
    hit.keywords?.length ? h('p', {class: 'help'}, `Keywords: ${hit.keywords.join(', ')}`) : null);
}

function searchForm(asked) {
  const input = h('input', {id: 'search-query', name: 'q', type: 'search', value: asked.q, required: true,
    autocomplete: 'off', 'aria-describedby': 'search-help'});
  const type = h('select', {id: 'search-type', name: 'type'},
    TYPES.map(([value, label]) => h('option', {value, selected: value === asked.type}, label)));
  const form = h('form', {class: 'search-form', role: 'search', 'aria-label': 'Search the lessons'},
    h('div', {class: 'field grow'}, h('label', {for: 'search-query'}, 'Search the lessons'),
      h('div', {class: 'row'}, input, h('button', {type: 'submit', class: 'primary'}, 'Search'))),
    h('div', {class: 'field'}, h('label', {for: 'search-type'}, 'In'), type),
    h('p', {id: 'search-help', class: 'help'},
      'Results come by meaning and by words; each opens its lesson at that moment.'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    navigate(address({q: input.value.trim(), type: type.value, media: asked.media}));
  });
  type.addEventListener('change', () => {
    if (input.value.trim()) form.requestSubmit();
  });
  if (!asked.q) queueMicrotask(() => input.focus());
  return form;
}

function address({q, type, media, top}) {
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (type && type !== 'all') query.set('type', type);
  if (media) query.set('media', media);
  if (top && top > TOP_K) query.set('top', top);
  return `search?${query}`;
}
