// Statistics: the catalogue by status, each stage's counts and durations, the latest failures with their reasons and
// the backtest stage's queue (GET /dashboard/stats). It is read again when run events arrive (pushed, at most once
// every few seconds), never on a timer.
import {ApiProblem, followEvents, get} from '../api.js';
import {clock, h, replace, when} from '../dom.js';
import {href} from '../router.js';

const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'];
const RELOAD_AFTER_EVENTS_MS = 3000;

export function renderStats(main) {
  const live = h('p', {id: 'live-status', class: 'live', role: 'status', 'aria-live': 'polite'}, 'Connecting…');
  const error = h('p', {id: 'stats-error', class: 'form-error', role: 'alert'});
  const asOf = h('p', {class: 'help', id: 'stats-as-of'});
  const media = h('div', {id: 'stats-media'}, h('p', {class: 'help'}, 'Loading…'));
  const queue = h('div', {id: 'stats-queue'}, h('p', {class: 'help'}, 'Loading…'));
  const stages = h('div', {id: 'stats-stages', class: 'table-wrap'}, h('p', {class: 'help'}, 'Loading…'));
  const failures = h('div', {id: 'stats-failures'}, h('p', {class: 'help'}, 'Loading…'));
  let reloadTimer = null;
  let loaded = false;

  replace(main,
    h('div', {class: 'page-head'}, h('h1', {}, 'Statistics'), live),
    error, asOf,
    h('div', {class: 'stats-grid'},
      card('media', 'Lessons by status', media),
      card('queue', 'Backtest queue', queue)),
    card('stages', 'Pipeline stages', stages),
    card('failures', 'Latest failures', failures));

  async function load() {
    try {
      const stats = await get('dashboard/stats');
      loaded = true;
      error.textContent = '';
      replace(asOf, `As of ${new Date().toLocaleTimeString()}. Stages and failures cover the runs started since `
        + `${when(stats.since)}.`);
      replace(media, mediaCounts(stats));
      replace(queue, backtestQueue(stats.backtest_queue));
      replace(stages, stageTable(stats.stages));
      replace(failures, failureList(stats.latest_failures));
    } catch (problem) {
      error.textContent = problem instanceof ApiProblem ? problem.message : String(problem);
    }
  }

  const stopEvents = followEvents('media_items/events', message => {
    if (message.event !== 'run' || reloadTimer) return;
    // a burst of events (a run moving through its stages) is one read a few seconds later
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      load();
    }, RELOAD_AFTER_EVENTS_MS);
  }, (state, problem) => {
    live.textContent = state === 'live' ? 'Live updates on'
      : state === 'reconnecting' ? `Live updates interrupted, reconnecting…${problem ? ` (${problem.message})` : ''}`
        : `Live updates stopped${problem ? `: ${problem.message}` : ''}`;
    live.dataset.state = state;
    // after a reconnect: what happened while the stream was down is read once
    if (state === 'live' && loaded) load();
  });

  load();
  return () => {
    stopEvents();
    clearTimeout(reloadTimer);
  };
}

function card(id, title, body) {
  return h('section', {class: 'card', id: `${id}-card`, 'aria-labelledby': `${id}-title`},
    h('h2', {id: `${id}-title`}, title), body);
}

function mediaCounts(stats) {
  const known = STATUSES.filter(status => status in stats.media_by_status);
  const other = Object.keys(stats.media_by_status).filter(status => !STATUSES.includes(status));
  return [
    h('p', {class: 'big-number'}, String(stats.media_total), h('span', {class: 'help'},
      ` lesson${stats.media_total === 1 ? '' : 's'} in all`)),
    h('ul', {class: 'count-list'}, [...known, ...other].map(status => h('li', {'data-status': status},
      h('a', {href: href(`./?status=${encodeURIComponent(status)}`), 'data-nav': true},
        h('span', {class: `badge badge-${status}`}, status)), ' ',
      h('span', {class: 'count'}, String(stats.media_by_status[status]))))),
  ];
}

function backtestQueue(queue) {
  return [
    h('p', {class: 'big-number', id: 'backtest-depth'}, String(queue.depth),
      h('span', {class: 'help'}, ` run${queue.depth === 1 ? '' : 's'} at the backtest stage`)),
    h('p', {class: 'help'}, `${queue.running} backtesting now, ${queue.waiting} waiting to start or to retry; `
      + `${queue.upstream} more at earlier stages will reach it.`),
  ];
}

/** 0.42 -> "0.4 s", 75 -> "1:15". */
function seconds(value) {
  if (value === null || value === undefined) return '–';
  return value < 60 ? `${value < 10 ? value.toFixed(1) : Math.round(value)} s` : clock(value);
}

function stageTable(stages) {
  const columns = ['Stage', 'Done', 'Failed', 'Running', 'Waiting', 'Cancelled', 'Median', '95th percentile',
    'Longest'];
  return h('table', {class: 'stats-table'},
    h('caption', {class: 'visually-hidden'}, 'Per stage: runs done, failed, running, waiting and cancelled, and '
      + 'how long a successful run of the stage took'),
    h('thead', {}, h('tr', {}, columns.map((name, i) => h('th', {scope: 'col', class: i > 0 ? 'num' : null},
      name)))),
    h('tbody', {}, stages.map(stage => h('tr', {'data-stage': stage.stage},
      h('th', {scope: 'row'}, `${stage.number}. ${stage.stage}`),
      cell('Done', stage.succeeded), cell('Failed', stage.failed), cell('Running', stage.running),
      cell('Waiting', stage.waiting), cell('Cancelled', stage.cancelled),
      cell('Median', seconds(stage.durations.median_seconds)),
      cell('95th percentile', seconds(stage.durations.p95_seconds)),
      cell('Longest', seconds(stage.durations.max_seconds))))));
}

/** data-label: the column's name, shown beside the value when the table becomes cards on a phone. */
function cell(label, value) {
  return h('td', {class: 'num', 'data-label': label}, String(value));
}

function failureList(failures) {
  if (failures.length === 0) return h('p', {class: 'help'}, 'No stage failed in this period.');
  return h('ul', {class: 'failure-list'}, failures.map(failure => h('li', {'data-media-id': failure.media_id},
    h('p', {},
      failure.filename ? h('a', {href: href(`lessons/${failure.media_id}`), 'data-nav': true}, failure.filename)
        : h('span', {}, `a deleted lesson (${failure.media_id.slice(0, 8)})`),
      ` failed at stage ${failure.stage_number}, ${failure.stage}`
        + `${failure.attempt > 1 ? `, after ${failure.attempt} attempts` : ''} · ${when(failure.failed_at)}`),
    h('p', {class: 'reason'}, failure.reason || 'no reason was recorded'))));
}
