// Library: every media item with its status and live pipeline progress (pushed run events, no polling), filters
// in the address (?status=&q=&skip=) answered by the API over the whole catalogue, adding lessons, and cancel /
// retry / delete with confirmation.
import {ApiProblem, followEvents, get, request} from '../api.js';
import {bytes, h, replace, when} from '../dom.js';
import {href, navigate} from '../router.js';
import {RunStates, describe, stagesDone} from '../parts/run-state.js';
import {itemPath} from '../parts/signed-links.js';
import {addLessonsPanel} from '../parts/upload.js';

const PAGE_SIZE = 20;
const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'];

export function renderLibrary(main, params, query) {
  const filters = {status: query.get('status') || '', q: query.get('q') || '',
    skip: Math.max(0, Number(query.get('skip')) || 0)};
  const states = new RunStates();
  const rows = new Map();
  let items = [];
  let total = 0;
  let reloadTimer = null;

  const live = h('p', {id: 'live-status', class: 'live', role: 'status', 'aria-live': 'polite'}, 'Connecting…');
  const tableBody = h('tbody', {id: 'media-rows'});
  const summary = h('p', {class: 'help', id: 'list-summary'});
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages of media items'});
  const listError = h('p', {class: 'form-error', role: 'alert'});

  replace(main,
    h('div', {class: 'page-head'}, h('h1', {}, 'Library'), live),
    h('section', {class: 'card', 'aria-labelledby': 'items-title'},
      h('h2', {id: 'items-title'}, 'Media items'),
      filterForm(filters),
      listError,
      h('div', {class: 'table-wrap'},
        h('table', {class: 'media-table'},
          h('caption', {class: 'visually-hidden'}, 'Media items with their pipeline progress'),
          h('thead', {}, h('tr', {},
            h('th', {scope: 'col'}, 'Lesson'), h('th', {scope: 'col'}, 'Status'),
            h('th', {scope: 'col'}, 'Pipeline'), h('th', {scope: 'col'}, 'Size'),
            h('th', {scope: 'col'}, 'Added'), h('th', {scope: 'col'}, 'Actions'))),
          tableBody)),
      summary, pager),
    // below the list: the list is what a reader comes for, and a drop lands anywhere on the zone
    addLessonsPanel(item => {
      states.fromItem(item);
      load();
    }));

  async function load() {
    try {
      const page = await get('media_items', {skip: filters.skip, limit: PAGE_SIZE, status: filters.status,
        q: filters.q});
      total = page.total;
      items = page.items;
      listError.textContent = '';
      // the list carries no runs: the items still moving are read singly once, for their stage bars
      await Promise.all(items.filter(item => ['pending', 'processing', 'failed'].includes(item.status))
        .map(async item => {
          try {
            Object.assign(item, await get(itemPath(item.id)));
          } catch {
            // deleted meanwhile: the row goes at the next load
          }
        }));
      items.forEach(item => states.fromItem(item));
      draw();
    } catch (problem) {
      listError.textContent = problem instanceof ApiProblem ? problem.message : String(problem);
    }
  }

  function draw() {
    rows.clear();
    replace(tableBody, items.length ? items.map(item => {
      const row = h('tr', {'data-media-id': item.id});
      rows.set(item.id, {row, item});
      fillRow(row, item);
      return row;
    }) : h('tr', {}, h('td', {colspan: 6, class: 'empty'}, 'No media items match.')));
    replace(summary, `${total} item${total === 1 ? '' : 's'}${filters.status ? ` ${filters.status}` : ''}`
      + (filters.q ? ` whose name contains “${filters.q}”` : ''));
    const prev = filters.skip > 0 ? link({...filters, skip: Math.max(0, filters.skip - PAGE_SIZE)}, 'Newer') : null;
    const next = filters.skip + PAGE_SIZE < total ? link({...filters, skip: filters.skip + PAGE_SIZE}, 'Older') : null;
    replace(pager, prev, next);
  }

  function fillRow(row, item) {
    const state = states.get(item.id) || states.fromItem(item);
    row.dataset.status = state.status;
    row.dataset.pushed = String(state.pushed);
    const active = state.status === 'pending' || state.status === 'processing';
    replace(row,
      h('th', {scope: 'row'}, h('a', {href: href(`lessons/${encodeURIComponent(item.id)}`), 'data-nav': true},
        item.filename)),
      h('td', {}, h('span', {class: `badge badge-${state.status}`}, state.status)),
      h('td', {class: 'progress-cell'},
        h('progress', {max: state.total, value: stagesDone(state),
          'aria-label': `Pipeline progress of ${item.filename}`}),
        h('span', {class: 'stage-text'}, describe(state))),
      h('td', {}, bytes(item.size_bytes)),
      h('td', {}, when(item.created_at)),
      h('td', {class: 'actions'},
        active ? action('Cancel', item, () => request(`${itemPath(item.id)}/cancel`, {method: 'POST'}),
          `Cancel the pipeline run of ${item.filename}?`) : null,
        state.status === 'failed' ? action('Retry', item, () => request(`${itemPath(item.id)}/retry`,
          {method: 'POST'}), `Retry ${item.filename} from the stage that failed?`) : null,
        action('Delete', item, () => request(itemPath(item.id),
          {method: 'DELETE', query: active ? {force: true} : {}}),
        `Delete ${item.filename} with its transcript, clips and files?${active ? ' Its run is still active: it is dropped.' : ''}`,
        'danger')));
  }

  function action(label, item, perform, question, kind = '') {
    return h('button', {type: 'button', class: kind, 'aria-label': `${label} ${item.filename}`,
      onclick: async event => {
        if (!window.confirm(question)) return;
        const button = event.currentTarget;
        button.disabled = true;
        try {
          await perform();
          load();
        } catch (problem) {
          listError.textContent = problem instanceof ApiProblem ? problem.message : String(problem);
          button.disabled = false;
        }
      }}, label);
  }

  const stopEvents = followEvents('media_items/events', message => {
    if (message.event !== 'run') return;
    const event = JSON.parse(message.data);
    states.apply(event);
    const shown = rows.get(event.media_id);
    if (shown) {
      fillRow(shown.row, shown.item);
    } else if (!filters.status && !filters.q && filters.skip === 0) {
      // an item this page has not seen (added elsewhere): read the list again, once for a burst of events
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(load, 500);
    }
  }, (state, problem) => {
    live.textContent = state === 'live' ? 'Live updates on'
      : state === 'reconnecting' ? `Live updates interrupted, reconnecting…${problem ? ` (${problem.message})` : ''}`
        : `Live updates stopped${problem ? `: ${problem.message}` : ''}`;
    live.dataset.state = state;
    // what happened while the stream was down is read from the list once it is back
    if (state === 'live' && rows.size) load();
  });

  load();
  return () => {
    stopEvents();
    clearTimeout(reloadTimer);
  };
}

function filterForm(filters) {
  const status = h('select', {id: 'filter-status', name: 'status'},
    h('option', {value: ''}, 'any status'),
    STATUSES.map(value => h('option', {value, selected: value === filters.status}, value)));
  const text = h('input', {id: 'filter-text', name: 'q', type: 'search', value: filters.q, maxlength: 200,
    placeholder: 'e.g. rsi'});
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter media items'},
    h('div', {class: 'field'}, h('label', {for: 'filter-status'}, 'Status'), status),
    h('div', {class: 'field'}, h('label', {for: 'filter-text'}, 'Name contains'), text),
    h('button', {type: 'submit'}, 'Filter'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    navigate(address({status: status.value, q: text.value.trim(), skip: 0}));
  });
  status.addEventListener('change', () => form.requestSubmit());
  return form;
}

function address({status, q, skip}) {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (q) query.set('q', q);
  if (skip) query.set('skip', skip);
  const search = query.toString();
  return search ? `./?${search}` : './';
}

function link(filters, label) {
  return h('a', {href: href(address(filters)), 'data-nav': true}, label);
}
