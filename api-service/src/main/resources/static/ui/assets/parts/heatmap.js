// A sweep as a heatmap: an HTML table (readable by screen readers, every value written in its cell), one column per
// value of the first swept number and one row per value of the second, each cell shaded from the worst to the best
// value of the metric. The best cell is outlined; combinations the language refused are marked "invalid".
import {h} from '../dom.js';
import {figure} from './metrics.js';

const PERCENT_METRICS = new Set(['total_return', 'cagr', 'max_drawdown', 'win_rate', 'annual_volatility']);

const plain = value => String(Math.round(value * 1e6) / 1e6);

/** The table for a sweep grid ({metric, higher_is_better, axes, cells, best}). */
export function heatmap(grid) {
  const [xAxis, yAxis] = grid.axes;
  const kind = PERCENT_METRICS.has(grid.metric) ? 'percent' : grid.metric === 'trades' ? 'count' : 'ratio';
  const byPlace = new Map(grid.cells.map(cell => [`${cell.x}:${cell.y ?? 0}`, cell]));
  const values = grid.cells.map(cell => cell.value).filter(value => value !== null && value !== undefined);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const rows = yAxis ? yAxis.values : [null];
  // a sweep asked elsewhere may rank fewer variants than it ran: a missing cell is then "not ranked", not refused
  const unranked = grid.variants - grid.invalid_variants - grid.cells.length > 0;

  const table = h('table', {class: 'heatmap', id: 'sweep-heatmap', 'data-cells': String(grid.cells.length)},
    h('caption', {}, `${words(grid.metric)} of every variant: ${xAxis.path} across`
      + (yAxis ? `, ${yAxis.path} down` : '') + '. Darker is better; the best is outlined.'),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, yAxis ? `${short(yAxis.path)} ╲ ${short(xAxis.path)}`
      : short(xAxis.path)), xAxis.values.map(value => h('th', {scope: 'col', class: 'num'}, plain(value))))),
    h('tbody', {}, rows.map((yValue, y) => h('tr', {},
      h('th', {scope: 'row', class: 'num'}, yAxis ? plain(yValue) : words(grid.metric)),
      xAxis.values.map((xValue, x) => cellOf(byPlace.get(`${x}:${y}`), x, y))))));

  function cellOf(cell, x, y) {
    const best = grid.best && grid.best.x === x && (grid.best.y ?? 0) === y;
    const where = `${xAxis.path} = ${plain(xAxis.values[x])}`
      + (yAxis ? `, ${yAxis.path} = ${plain(yAxis.values[y])}` : '');
    if (!cell) {
      return unranked
        ? h('td', {class: 'heat-cell heat-invalid', title: `${where}: not among the ranked variants`}, 'not ranked')
        : h('td', {class: 'heat-cell heat-invalid', title: `${where}: the language refused this combination`},
          'invalid');
    }
    const td = h('td', {class: best ? 'heat-cell heat-best num' : 'heat-cell num', 'data-x': String(x),
      'data-y': String(y), title: `${where}: ${words(grid.metric)} ${figure(cell.value, kind)}, `
        + `${figure(cell.trades, 'count')} trades`}, figure(cell.value, kind));
    shade(td, cell.value);
    return td;
  }

  /**
   * Goodness 0..1 as a blue of rising depth: the worse half light (97 → 65 % lightness) under dark text, the better
   * half dark (45 → 20 %) under white, skipping the middle blues where neither text colour reaches 4.5:1.
   */
  function shade(td, value) {
    if (value === null || value === undefined || !(high > low)) return;
    const goodness = grid.higher_is_better ? (value - low) / (high - low) : (high - value) / (high - low);
    const dark = goodness > 0.5;
    const lightness = Math.round(dark ? 45 - (goodness - 0.5) * 50 : 97 - goodness * 64);
    td.style.backgroundColor = `hsl(212, 75%, ${lightness}%)`;
    td.style.color = dark ? '#ffffff' : '#1b2430';
  }

  // wider than a phone: a scroll region, reachable and scrollable with the keyboard
  return h('div', {class: 'table-wrap', tabindex: '0', role: 'region',
    'aria-label': 'Sweep heatmap (scrolls sideways)'}, table);
}

/** The robustness check in words: does the best value hold one step away, or is it a lone peak? */
export function robustnessText(grid) {
  const robustness = grid.robustness;
  if (!grid.best || !robustness) return 'No variant produced a value, so there is no best one to check.';
  const kind = PERCENT_METRICS.has(grid.metric) ? 'percent' : 'ratio';
  const retained = robustness.retained;
  const verdict = retained === null || retained === undefined ? 'its neighbours give no comparable value'
    : retained >= 0.75 ? 'a plateau: the neighbours keep most of it, so the choice is not a fitted accident'
      : retained >= 0.4 ? 'a slope: the neighbours keep part of it; prefer values in the middle of a good region'
        : 'a lone peak: one step away most of it is gone, so the best value is likely fitted to this data';
  return `Best ${words(grid.metric)} ${figure(robustness.best, kind)}; its neighbours average `
    + `${figure(robustness.neighbour_mean, kind)} (worst ${figure(robustness.neighbour_worst, kind)}`
    + `${retained === null || retained === undefined ? '' : `, ${Math.round(retained * 100)} % kept`}): ${verdict}.`;
}

function words(metric) {
  return String(metric).replaceAll('_', ' ');
}

/** entry.left.params.period -> "entry … period": headers stay narrow; the caption names the whole path. */
function short(path) {
  const steps = path.split('.');
  return steps.length > 2 ? `${steps[0]} … ${steps[steps.length - 1]}` : path;
}
