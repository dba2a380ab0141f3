// Backtest figures in words and numbers: the metrics table per period and the walk-forward windows.
import {h} from '../dom.js';

/** The metrics a trader reads first, in order; each as the API names it (fractions: 0.3 = 30 %). */
export const METRICS = [
  ['sharpe', 'Sharpe', 'ratio'], ['total_return', 'Total return', 'percent'], ['cagr', 'CAGR', 'percent'],
  ['max_drawdown', 'Max drawdown', 'percent'], ['win_rate', 'Win rate', 'percent'],
  ['profit_factor', 'Profit factor', 'ratio'], ['trades', 'Trades', 'count'], ['sortino', 'Sortino', 'ratio'],
  ['buy_and_hold_sharpe', 'Buy-and-hold Sharpe', 'ratio'],
];

const PERIOD_NAMES = {full: 'Full period', in_sample: 'In sample', out_of_sample: 'Out of sample'};

export function periodName(label) {
  if (PERIOD_NAMES[label]) return PERIOD_NAMES[label];
  const window = /^window_(\d+)$/.exec(label || '');
  return window ? `Window ${window[1]}` : label;
}

export function figure(value, kind) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (kind === 'percent') return `${(value * 100).toFixed(1)} %`;
  if (kind === 'count') return String(Math.round(value));
  return Number(value).toFixed(2);
}

const day = instant => (instant ? String(instant).slice(0, 10) : '');

/** One column per period (in sample, out of sample, or the windows), one row per metric. */
export function metricsTable(periods, caption) {
  return h('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption},
    h('table', {class: 'stats-table metrics-table'},
      h('caption', {class: 'visually-hidden'}, caption),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Metric'),
        periods.map(period => h('th', {scope: 'col', class: 'num', 'data-period': period.label},
          periodName(period.label), h('span', {class: 'period-dates'}, `${day(period.from)} – ${day(period.to)}`))))),
      h('tbody', {}, METRICS.filter(([name]) => periods.some(period => period.metrics?.[name] != null))
        .map(([name, label, kind]) => h('tr', {'data-metric': name}, h('th', {scope: 'row'}, label),
          periods.map(period => h('td', {class: 'num', 'data-label': periodName(period.label)},
            figure(period.metrics?.[name], kind))))))));
}

/** Walk-forward: each judged window's dates, trades, return and Sharpe, and the summary across them. */
export function windowsTable(periods, aggregate) {
  const windows = periods.filter(period => /^window_/.test(period.label));
  if (windows.length === 0) return null;
  return h('div', {id: 'walk-forward'},
    h('h3', {}, 'Walk-forward windows'),
    h('div', {class: 'table-wrap'}, h('table', {class: 'stats-table'},
      h('caption', {class: 'visually-hidden'}, 'Each walk-forward window with its dates and results'),
      h('thead', {}, h('tr', {}, ['Window', 'From', 'To', 'Trades', 'Return', 'Sharpe', 'Max drawdown']
        .map((name, i) => h('th', {scope: 'col', class: i > 2 ? 'num' : null}, name)))),
      h('tbody', {}, windows.map(window => h('tr', {'data-window': window.label},
        h('th', {scope: 'row'}, periodName(window.label)),
        h('td', {'data-label': 'From'}, day(window.from)), h('td', {'data-label': 'To'}, day(window.to)),
        h('td', {class: 'num', 'data-label': 'Trades'}, figure(window.metrics?.trades, 'count')),
        h('td', {class: 'num', 'data-label': 'Return'}, figure(window.metrics?.total_return, 'percent')),
        h('td', {class: 'num', 'data-label': 'Sharpe'}, figure(window.metrics?.sharpe, 'ratio')),
        h('td', {class: 'num', 'data-label': 'Max drawdown'}, figure(window.metrics?.max_drawdown, 'percent'))))))),
    aggregate ? h('p', {class: 'help'}, `Across the windows: ${Object.entries(aggregate)
      .filter(([, value]) => typeof value === 'number')
      .map(([name, value]) => `${name.replaceAll('_', ' ')} ${Number(value).toFixed(2)}`).join(', ')}.`) : null);
}
