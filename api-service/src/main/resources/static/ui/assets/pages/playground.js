// Playground: write a strategy in the compact text (checked at every pause, problems at their lines), pick a dataset
// and range, backtest it (metrics per period, equity against buy-and-hold, prices with the trades) or sweep one or
// two of its numbers into a heatmap with the best value's neighbour check. The address keeps the dataset, range and
// the last result (?backtest=<id> or ?sweep=<id>), so a result can be bookmarked and reloaded.
import {get, request} from '../api.js';
import {h, replace} from '../dom.js';
import {strategyEditor} from '../parts/strategy-editor.js';
import {heatmap, robustnessText} from '../parts/heatmap.js';
import {metricsTable} from '../parts/metrics.js';
import {words} from './strategies.js';

const DRAFT = 'tradingedu.playgroundText';
const EXAMPLE = `name: RSI dip buyer
direction: long
entry: RSI(14) < 30
exit: RSI(14) > 55
stop_loss: 5%
`;
const METRIC_CHOICES = [['sharpe', 'Sharpe'], ['total_return', 'Total return'], ['cagr', 'CAGR'],
  ['max_drawdown', 'Max drawdown (lower is better)'], ['profit_factor', 'Profit factor'], ['win_rate', 'Win rate'],
  ['sortino', 'Sortino'], ['calmar', 'Calmar']];
const FOLLOW_MAX_WAIT_MS = 5000;
// a job still queued after this is left alone (the page says so; a reload looks again)
const FOLLOW_GIVE_UP_MS = 15 * 60 * 1000;

export function renderPlayground(main, params, query) {
  let gone = false;
  const cleanups = [];
  let sweepable = [];
  // the newest run of each kind: an older one still being followed (a second click) must not draw over it
  const newest = {backtest: 0, sweep: 0};
  let removeChart = () => {};

  const text = query.get('text') || sessionStorage.getItem(DRAFT) || EXAMPLE;
  const editor = strategyEditor(text, check => {
    sessionStorage.setItem(DRAFT, editor.text());
    if (check.valid) offerSweepable(check.sweepable || []);
  });
  cleanups.push(editor.remove);

  const dataset = h('select', {id: 'dataset', onchange: datasetChanged});
  const start = h('input', {id: 'range-start', type: 'date', onchange: keepInAddress});
  const end = h('input', {id: 'range-end', type: 'date', onchange: keepInAddress});
  const plan = h('select', {id: 'plan', onchange: keepInAddress},
    h('option', {value: 'split'}, 'In sample 70 %, then out of sample'),
    h('option', {value: 'single'}, 'One period'));
  const datasetNote = h('p', {id: 'dataset-note', class: 'help'});
  const backtestResult = h('div', {id: 'backtest-result', 'aria-live': 'polite'});
  const sweepResult = h('div', {id: 'sweep-result', 'aria-live': 'polite'});
  const axisX = axisInputs('x', 'First number (across)', false);
  const axisY = axisInputs('y', 'Second number (down, optional)', true);
  const metric = h('select', {id: 'sweep-metric'},
    METRIC_CHOICES.map(([value, label]) => h('option', {value}, label)));

  replace(main,
    h('div', {class: 'page-head'}, h('h1', {}, 'Playground')),
    h('p', {class: 'help'}, 'Write a strategy, test it on real market data, and see whether its numbers are a '
      + 'plateau or a lucky peak. Nothing here is stored with the lessons\' strategies.'),
    section('editor', 'Strategy', editor.element),
    section('data', 'Market data',
      h('div', {class: 'filters'},
        field('dataset', 'Dataset', dataset), field('range-start', 'From', start), field('range-end', 'To', end),
        field('plan', 'Test', plan)),
      datasetNote),
    section('backtest', 'Backtest',
      h('button', {type: 'button', id: 'run-backtest', class: 'primary', onclick: runBacktest}, 'Backtest'),
      backtestResult),
    section('sweep', 'Sweep',
      h('p', {class: 'help'}, 'Vary one or two numbers of the strategy over a range; every variant is backtested on '
        + 'the dataset and range above and ranked.'),
      h('div', {class: 'axis-grid'}, axisX.element, axisY.element),
      h('div', {class: 'filters'}, field('sweep-metric', 'Rank by', metric),
        h('button', {type: 'button', id: 'run-sweep', class: 'primary', onclick: runSweep}, 'Run sweep')),
      sweepResult));

  loadDatasets();
  editor.check();
  if (query.get('backtest')) showBacktest({id: query.get('backtest'), status: 'queued'});
  else if (query.get('sweep')) showSweep({id: query.get('sweep'), status: 'queued'});

  async function loadDatasets() {
    let datasets;
    try {
      datasets = await get('playground/datasets');
    } catch (problem) {
      if (!gone) datasetNote.textContent = words(problem);
      return;
    }
    if (gone) return;
    if (datasets.length === 0) {
      datasetNote.textContent = 'No market data is loaded yet (deploy/local/stack.sh market-data, or POST '
        + '/market-data on backtesting-service).';
      return;
    }
    replace(dataset, datasets.map(item => h('option', {value: `${item.symbol}|${item.timeframe}`,
      'data-from': item.from, 'data-to': item.to, 'data-bars': item.bars}, `${item.symbol} ${item.timeframe}`)));
    const wanted = `${query.get('symbol')}|${query.get('timeframe')}`;
    if ([...dataset.options].some(option => option.value === wanted)) dataset.value = wanted;
    start.value = query.get('start') || '';
    end.value = query.get('end') || '';
    if (query.get('plan')) plan.value = query.get('plan');
    datasetChanged({keepRange: true});
  }

  function datasetChanged({keepRange = false} = {}) {
    const option = dataset.selectedOptions[0];
    if (!option) return;
    const from = (option.dataset.from || '').slice(0, 10);
    const to = (option.dataset.to || '').slice(0, 10);
    start.min = end.min = from;
    start.max = end.max = to;
    if (!keepRange) {
      start.value = '';
      end.value = '';
    }
    datasetNote.textContent = `${Number(option.dataset.bars).toLocaleString()} bars from ${from} to ${to}; leave a `
      + 'date empty for the dataset\'s first or last bar.';
    keepInAddress();
  }

  function chosen() {
    const [symbol, timeframe] = (dataset.value || '|').split('|');
    return {text: editor.text(), symbol, timeframe, start: start.value || null, end: end.value || null};
  }

  /** The dataset, range, plan and last result in the address (replacing the entry: no history per keystroke). */
  function keepInAddress(result) {
    const {symbol, timeframe} = chosen();
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries({symbol, timeframe, start: start.value, end: end.value,
      plan: plan.value === 'split' ? '' : plan.value})) {
      if (value) next.set(name, value);
    }
    const last = result && result.id ? result : null;
    if (last) next.set(last.kind, last.id);
    else for (const kind of ['backtest', 'sweep']) if (query.get(kind)) next.set(kind, query.get(kind));
    history.replaceState(null, '', `${location.pathname}${next.size ? `?${next}` : ''}`);
    query = next;
  }

  async function runBacktest() {
    replace(backtestResult, h('p', {class: 'loading'}, 'Backtesting…'));
    try {
      const run = await request('playground/backtests', {method: 'POST',
        json: {...chosen(), plan: plan.value}});
      showBacktest(run);
    } catch (problem) {
      refused(problem, backtestResult);
    }
  }

  async function showBacktest(first) {
    const run = await finished('backtest', first, backtestResult);
    if (!run) return;
    const mine = newest.backtest;
    try {
      const [chart, {backtestCharts}] = await Promise.all([
        get(`dashboard/backtests/${encodeURIComponent(run.id)}/chart`), import('../parts/charts.js')]);
      if (gone || mine !== newest.backtest) return;
      removeChart();
      const drawn = backtestCharts(chart);
      replace(backtestResult,
        h('p', {class: 'help', id: 'backtest-summary', 'data-backtest-id': run.id},
          `${chart.symbol} ${chart.timeframe}: ${chart.trades_total} trades.`),
        metricsTable(chart.periods, `Metrics of the backtest on ${chart.symbol} per tested period`),
        drawn.elements,
        h('p', {class: 'help attribution'}, 'Charts by ',
          h('a', {href: 'https://www.tradingview.com/', rel: 'noopener noreferrer'}, 'TradingView'),
          '\'s lightweight-charts.'));
      drawn.draw();
      removeChart = drawn.remove;
    } catch (problem) {
      if (!gone && mine === newest.backtest) {
        replace(backtestResult, h('p', {class: 'form-error chart-error'}, words(problem)));
      }
    }
  }

  async function runSweep() {
    const parameters = [axisX.value(), axisY.value()].filter(Boolean);
    if (parameters.length === 0) {
      replace(sweepResult, h('p', {class: 'form-error', role: 'alert'},
        'Pick a number of the strategy to sweep (the strategy must be valid to offer its numbers).'));
      return;
    }
    replace(sweepResult, h('p', {class: 'loading'}, 'Sweeping…'));
    try {
      const run = await request('playground/sweeps', {method: 'POST',
        json: {...chosen(), metric: metric.value, parameters}});
      showSweep(run);
    } catch (problem) {
      refused(problem, sweepResult);
    }
  }

  async function showSweep(first) {
    const run = await finished('sweep', first, sweepResult);
    if (!run) return;
    const grid = run.sweep;
    // the pickers show what this heatmap swept (after a reload of ?sweep= too)
    [axisX, axisY].forEach((axis, i) => axis.show(grid.axes[i]));
    replace(sweepResult,
      h('p', {class: 'help', id: 'sweep-summary'}, `${grid.variants} variants on ${run.symbol} ${run.timeframe}`
        + `${grid.invalid_variants ? `, ${grid.invalid_variants} refused by the language` : ''}.`),
      h('p', {id: 'robustness'}, robustnessText(grid)),
      heatmap(grid));
  }

  /**
   * The run once it has completed, its id kept in the address; null (with the reason shown in the box) when it
   * failed, was refused or the page was left.
   */
  async function finished(kind, first, box) {
    const mine = ++newest[kind];
    const stale = () => gone || mine !== newest[kind];
    replace(box, h('p', {class: 'loading'}, kind === 'sweep' ? 'Sweeping…' : 'Backtesting…'));
    let run;
    try {
      run = await follow(`${kind}s`, first, box, stale);
    } catch (problem) {
      if (!stale()) refused(problem, box);
      return null;
    }
    if (!run || stale()) return null;
    if (run.status === 'queued' || run.status === 'running') {
      replace(box, h('p', {class: 'help', role: 'status'}, `The ${kind} is still ${run.status} after `
        + `${FOLLOW_GIVE_UP_MS / 60000} minutes; reload the page to look again.`));
      return null;
    }
    keepInAddress({kind, id: run.id});
    if (run.status === 'failed') {
      replace(box, h('p', {class: 'form-error', role: 'alert'}, `The ${kind} failed: ${run.error}`));
      return null;
    }
    return run;
  }

  /**
   * Reads a run again until it is done, waiting 1, 2, 4, 5, 5 … s between reads, for at most FOLLOW_GIVE_UP_MS;
   * null once it is stale (the page left, or a newer run of its kind started).
   */
  async function follow(kind, run, box, stale) {
    const giveUpAt = Date.now() + FOLLOW_GIVE_UP_MS;
    let wait = 1000;
    let current = run;
    while (!stale() && (current.status === 'queued' || current.status === 'running') && Date.now() < giveUpAt) {
      if (current.status) replace(box, h('p', {class: 'loading'}, `The job is ${current.status}…`));
      await new Promise(resolve => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, FOLLOW_MAX_WAIT_MS);
      if (stale()) return null;
      current = await get(`playground/${kind}/${encodeURIComponent(current.id)}`);
    }
    return stale() ? null : current;
  }

  /** A refusal in words; a text refused at its lines is also shown in the editor. */
  function refused(problem, box) {
    if (gone) return;
    if (Array.isArray(problem.body?.problems)) editor.showProblems(problem.body.problems);
    replace(box, h('p', {class: 'form-error', role: 'alert'}, words(problem)));
  }

  function offerSweepable(numbers) {
    sweepable = numbers;
    axisX.offer(numbers);
    axisY.offer(numbers);
  }

  /** A picker of the strategy's numbers and its from / to / step. */
  function axisInputs(id, legend, optional) {
    const pick = h('select', {id: `sweep-${id}`, onchange: suggest});
    const from = h('input', {id: `sweep-${id}-from`, type: 'number', step: 'any'});
    const to = h('input', {id: `sweep-${id}-to`, type: 'number', step: 'any'});
    const step = h('input', {id: `sweep-${id}-step`, type: 'number', step: 'any', min: '0'});
    const element = h('fieldset', {class: 'axis'}, h('legend', {}, legend),
      field(`sweep-${id}`, 'Number', pick),
      h('div', {class: 'row'}, field(`sweep-${id}-from`, 'From', from), field(`sweep-${id}-to`, 'To', to),
        field(`sweep-${id}-step`, 'Step', step)));

    // a swept axis to show once the strategy's numbers are offered (they come with the first check)
    let wanted = null;

    function offer(numbers) {
      const before = wanted ? wanted.path : pick.value;
      replace(pick, optional ? h('option', {value: ''}, '— none —') : null,
        numbers.map(number => h('option', {value: number.path}, number.label)));
      if ([...pick.options].some(option => option.value === before)) pick.value = before;
      else suggest();
      if (wanted && pick.value === wanted.path) fill(wanted);
      wanted = null;
    }

    /** Shows an axis a sweep ran ({path, values}); none: the picker says so (an optional one). */
    function show(axis) {
      if (!axis) {
        if (optional && [...pick.options].some(option => option.value === '')) pick.value = '';
        from.value = to.value = step.value = '';
        return;
      }
      if ([...pick.options].some(option => option.value === axis.path)) {
        pick.value = axis.path;
        fill(axis);
      } else {
        wanted = axis;
      }
    }

    function fill(axis) {
      const values = axis.values;
      from.value = String(round(values[0]));
      to.value = String(round(values[values.length - 1]));
      step.value = values.length > 1 ? String(round(values[1] - values[0])) : '1';
    }

    /** Half to one and a half times the number now, in about nine steps (whole steps for whole numbers). */
    function suggest() {
      const number = sweepable.find(item => item.path === pick.value);
      if (!number) {
        from.value = to.value = step.value = '';
        return;
      }
      const whole = Number.isInteger(number.value);
      const low = whole ? Math.max(1, Math.round(number.value * 0.5)) : number.value * 0.5;
      const high = whole ? Math.max(low + 1, Math.round(number.value * 1.5)) : number.value * 1.5;
      const stride = whole ? Math.max(1, Math.round((high - low) / 8)) : Number(((high - low) / 8).toPrecision(2));
      from.value = String(round(low));
      to.value = String(round(high));
      step.value = String(stride);
    }

    return {
      element,
      offer,
      show,
      value: () => (pick.value ? {path: pick.value, from: Number(from.value), to: Number(to.value),
        step: Number(step.value)} : null),
    };
  }

  return () => {
    gone = true;
    removeChart();
    cleanups.forEach(cleanup => cleanup());
  };
}

const round = value => Math.round(value * 1e6) / 1e6;

function section(id, title, ...children) {
  return h('section', {class: 'card', id: `${id}-card`, 'aria-labelledby': `${id}-title`},
    h('h2', {id: `${id}-title`}, title), ...children);
}

function field(id, label, control) {
  return h('div', {class: 'field'}, h('label', {for: id}, label), control);
}
