// Strategies: the proven ones ranked by their score (deflated Sharpe), then the candidates of the filter ranked by
// their out-of-sample Sharpe, each with its decision, that figure and the lesson it came from. Filters live in the
// address (?decision=&min_sharpe=&skip=) so a view can be bookmarked.
import {ApiProblem, get} from '../api.js';
import {h, replace} from '../dom.js';
import {href, navigate} from '../router.js';
import {figure} from '../parts/metrics.js';

const PAGE_SIZE = 50;
const DECISIONS = [['', 'every decision'], ['promoted', 'promoted'], ['rejected', 'rejected'],
  ['pending', 'not decided yet']];

export function renderStrategies(main, params, query) {
  const decision = query.get('decision') || '';
  const minSharpe = query.get('min_sharpe') || '';
  const skip = Math.max(0, Number(query.get('skip')) || 0);
  const error = h('p', {id: 'strategies-error', class: 'form-error', role: 'alert'});
  const proven = h('div', {id: 'proven-list'}, h('p', {class: 'help'}, 'Loading…'));
  const candidates = h('div', {id: 'candidate-list'}, h('p', {class: 'help'}, 'Loading…'));
  const lessons = new Map();

  const form = h('form', {class: 'filters', id: 'strategy-filters', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    const next = new URLSearchParams();
    for (const name of ['decision', 'min_sharpe']) if (data.get(name)) next.set(name, data.get(name));
    navigate(`strategies${next.size ? `?${next}` : ''}`);
  }},
  h('div', {}, h('label', {for: 'filter-decision'}, 'Decision'),
    h('select', {id: 'filter-decision', name: 'decision'}, DECISIONS.map(([value, label]) =>
      h('option', {value, selected: value === decision}, label)))),
  h('div', {}, h('label', {for: 'filter-min-sharpe'}, 'Out-of-sample Sharpe at least'),
    h('input', {id: 'filter-min-sharpe', name: 'min_sharpe', type: 'number', step: '0.1', value: minSharpe,
      inputmode: 'decimal'})),
  h('button', {type: 'submit', class: 'primary'}, 'Apply'));

  replace(main,
    h('div', {class: 'page-head'}, h('h1', {}, 'Strategies')),
    error,
    section('proven', 'Proven strategies', h('p', {class: 'help'}, 'Promoted by stage 10, ranked by their score: the '
      + 'deflated Sharpe ratio, the chance that the result is more than luck among the lesson\'s trials.'), proven),
    section('candidates', 'Candidates', form, h('p', {class: 'help'}, 'Ranked by their out-of-sample Sharpe ratio '
      + '(the figure stage 10 judged); undecided ones last.'), candidates));

  async function lessonName(mediaId) {
    if (!lessons.has(mediaId)) {
      lessons.set(mediaId, get(`media_items/${encodeURIComponent(mediaId)}`).then(item => item.filename, () => null));
    }
    return lessons.get(mediaId);
  }

  function lessonLink(mediaId) {
    const link = h('a', {href: href(`lessons/${encodeURIComponent(mediaId)}`), 'data-nav': true}, 'its lesson');
    lessonName(mediaId).then(name => {
      if (name) link.textContent = name;
    });
    return link;
  }

  (async () => {
    try {
      const page = await get('proven_strategies', {limit: 20});
      replace(proven, page.items.length === 0 ? h('p', {class: 'help'}, 'No strategy has been promoted yet.')
        : h('ol', {class: 'strategy-rank'}, page.items.map(item => h('li', {'data-strategy-id': item.strategy_id},
          h('p', {}, h('a', {href: href(`strategies/${item.strategy_id}`), 'data-nav': true, class: 'strategy-name'},
            item.name), ' ', h('span', {class: `badge badge-${item.status === 'retired' ? 'cancelled' : 'promoted'}`},
            item.status)),
          h('p', {class: 'help'}, `Score ${figure(item.score, 'ratio')} · out-of-sample Sharpe `
            + `${figure(item.out_of_sample_sharpe, 'ratio')} · from `, lessonLink(item.media_id))))));
    } catch (problem) {
      replace(proven, h('p', {class: 'form-error'}, words(problem)));
    }
  })();

  (async () => {
    try {
      const page = await get('strategies', {decision, min_sharpe: minSharpe, limit: PAGE_SIZE, skip});
      const ranked = [...page.items].sort((a, b) => rank(b) - rank(a));
      replace(candidates,
        ranked.length === 0 ? h('p', {class: 'help'}, 'No strategy matches.')
          : h('ol', {class: 'strategy-rank', start: skip + 1}, ranked.map(item => h('li', {'data-strategy-id': item.id},
            h('p', {}, h('a', {href: href(`strategies/${encodeURIComponent(item.id)}`), 'data-nav': true,
              class: 'strategy-name'}, item.name), ' ',
              h('span', {class: `badge badge-${item.decision || 'undecided'}`}, item.decision || 'undecided')),
            h('p', {}, h('code', {}, item.text)),
            h('p', {class: 'help'}, `Out-of-sample Sharpe ${figure(item.out_of_sample_sharpe, 'ratio')} · deflated `
              + `Sharpe ${figure(item.deflated_sharpe, 'ratio')} · from `, lessonLink(item.media_id))))),
        pager(page.total));
    } catch (problem) {
      error.textContent = words(problem);
      replace(candidates);
    }
  })();

  function pager(total) {
    if (total <= PAGE_SIZE) return h('p', {class: 'help'}, `${total} strateg${total === 1 ? 'y' : 'ies'}.`);
    const at = offset => {
      const next = new URLSearchParams(query);
      next.set('skip', offset);
      return href(`strategies?${next}`);
    };
    return h('nav', {class: 'pager', 'aria-label': 'Pages of candidates'},
      skip > 0 ? h('a', {href: at(Math.max(0, skip - PAGE_SIZE)), 'data-nav': true}, 'Previous') : null,
      h('span', {}, `${skip + 1}–${Math.min(total, skip + PAGE_SIZE)} of ${total}`),
      skip + PAGE_SIZE < total ? h('a', {href: at(skip + PAGE_SIZE), 'data-nav': true}, 'Next') : null);
  }
}

/** Decided ones by their out-of-sample Sharpe; those without one after every figure. */
function rank(item) {
  return item.out_of_sample_sharpe ?? -Infinity;
}

function section(id, title, ...children) {
  return h('section', {class: 'card', id, 'aria-labelledby': `${id}-title`}, h('h2', {id: `${id}-title`}, title),
    ...children);
}

export function words(problem) {
  return problem instanceof ApiProblem ? problem.message : String(problem);
}
