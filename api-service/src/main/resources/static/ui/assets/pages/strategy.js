// One strategy: its compact text, stage 10's decision with every reason, the metrics in and out of sample, where
// the lesson taught it (each quote linking to the lesson at that second), and per backtest the equity against
// buy-and-hold and the prices with the trades (lightweight-charts), plus the walk-forward windows when there are some.
import {get} from '../api.js';
import {clock, h, replace, words as slugWords} from '../dom.js';
import {href} from '../router.js';
import {figure, metricsTable, windowsTable} from '../parts/metrics.js';
import {words} from './strategies.js';

export function renderStrategy(main, {id}) {
  const cleanups = [];
  let gone = false;
  replace(main, h('p', {class: 'loading'}, 'Loading…'));
  (async () => {
    let strategy;
    try {
      strategy = await get(`strategies/${encodeURIComponent(id)}`);
    } catch (problem) {
      if (gone) return;
      replace(main, h('h1', {}, 'Strategy'), h('p', {id: 'strategy-error', class: 'form-error', role: 'alert'},
        words(problem)), h('p', {}, h('a', {href: href('strategies'), 'data-nav': true}, 'All strategies')));
      return;
    }
    if (gone) return;
    document.title = `${strategy.name} · Trading Education`;
    const charts = h('div', {id: 'backtest-charts'});
    replace(main,
      h('p', {class: 'help'}, h('a', {href: href('strategies'), 'data-nav': true}, '← All strategies')),
      h('div', {class: 'page-head'}, h('h1', {}, strategy.name),
        h('span', {id: 'strategy-decision', class: `badge badge-${strategy.decision || 'undecided'}`},
          strategy.decision || 'undecided')),
      card('strategy-text', 'The strategy', compactText(strategy)),
      card('reasons', 'Decision and reasons', reasons(strategy)),
      card('metrics', 'Metrics in and out of sample', metrics(strategy)),
      card('evidence', 'Where it was taught', evidence(strategy)),
      card('charts', 'Backtest', charts),
      h('p', {class: 'help attribution'}, 'Charts by ',
        h('a', {href: 'https://www.tradingview.com/', rel: 'noopener noreferrer'}, 'TradingView'),
        '\'s lightweight-charts.'));
    for (const backtest of strategy.backtests.filter(item => item.backtest_id)) {
      const box = h('div', {class: 'backtest', 'data-backtest-id': backtest.backtest_id},
        h('p', {class: 'help'}, `Loading the charts of ${backtest.symbol} ${backtest.timeframe}…`));
      charts.append(box);
      drawCharts(backtest, box);
    }
    if (!strategy.backtests.some(item => item.backtest_id)) {
      replace(charts, h('p', {class: 'help'}, strategy.decision ? 'This strategy has no stored backtest.'
        : 'Not backtested yet: the lesson\'s run has not reached stage 9.'));
    }
  })();

  async function drawCharts(backtest, box) {
    try {
      // the charting library is loaded with the first chart, not with every page of the dashboard
      const [chart, {backtestCharts}] = await Promise.all([
        get(`dashboard/backtests/${encodeURIComponent(backtest.backtest_id)}/chart`), import('../parts/charts.js')]);
      if (gone) return;
      const drawn = backtestCharts(chart);
      replace(box, drawn.elements, windowsTable(chart.periods, chart.aggregate));
      drawn.draw();
      cleanups.push(drawn.remove);
    } catch (problem) {
      if (!gone) replace(box, h('p', {class: 'form-error chart-error'}, words(problem)));
    }
  }

  return () => {
    gone = true;
    cleanups.forEach(cleanup => cleanup());
  };
}

function card(id, title, ...children) {
  return h('section', {class: 'card', id, 'aria-labelledby': `${id}-title`}, h('h2', {id: `${id}-title`}, title),
    ...children);
}

function compactText(strategy) {
  const tested = strategy.tested_text && strategy.tested_text !== strategy.text;
  return [
    h('pre', {class: 'compact', id: 'compact-text', tabindex: '0', 'aria-label': 'Compact text of the strategy'},
      strategy.text),
    tested ? h('p', {class: 'help'}, 'The variant that was tested (its open parameters tuned in sample):') : null,
    tested ? h('pre', {class: 'compact', id: 'tested-text', tabindex: '0',
      'aria-label': 'Compact text of the tested variant'}, strategy.tested_text) : null,
    (strategy.assumed || []).length ? h('p', {class: 'help'}, `Not said in the lesson, so assumed: ${strategy.assumed
      .map(item => `${item.field} = ${item.value}${item.reason ? ` (${item.reason})` : ''}`).join('; ')}.`) : null,
    h('p', {}, h('a', {id: 'try-in-playground', 'data-nav': true,
      href: href(`playground?${new URLSearchParams({text: strategy.tested_text || strategy.text})}`)},
    'Try it in the Playground'), ' (other data, other ranges, a sweep of its numbers)'),
  ];
}

function reasons(strategy) {
  const list = strategy.reasons || [];
  if (list.length === 0) {
    return h('p', {class: 'help'}, 'Not decided yet: stage 10 has not judged this strategy.');
  }
  return h('ul', {class: 'reason-list', id: 'reason-list'}, list.map(reason => h('li', {
    'data-criterion': reason.criterion, 'data-passed': String(Boolean(reason.passed))},
  h('span', {class: `badge badge-${reason.passed ? 'promoted' : 'rejected'}`}, reason.passed ? 'pass' : 'fail'), ' ',
  h('strong', {}, slugWords(reason.criterion)), ': ', reason.text
    || `${figure(reason.value, 'ratio')} against ${figure(reason.threshold, 'ratio')}`)));
}

function metrics(strategy) {
  const tested = strategy.backtests.filter(backtest => (backtest.periods || []).length);
  if (tested.length === 0) return h('p', {class: 'help'}, 'No metrics yet: the strategy has not been backtested.');
  return tested.map(backtest => h('div', {class: 'metrics-block', 'data-symbol': backtest.symbol},
    h('h3', {}, `${backtest.symbol} ${backtest.timeframe}`),
    // walk-forward windows have a table of their own under the charts; a test of windows only shows them here
    metricsTable(periodsBesideWindows(backtest.periods), `Metrics of ${backtest.symbol} per tested period`)));
}

function periodsBesideWindows(periods) {
  const whole = periods.filter(period => !/^window_/.test(period.label));
  return whole.length ? whole : periods;
}

function evidence(strategy) {
  const items = strategy.evidence || [];
  if (items.length === 0) return h('p', {class: 'help'}, 'No quote of the lesson was kept for this strategy.');
  let videoLink = null;
  return h('ul', {class: 'evidence-list'}, items.map(item => {
    const at = item.start_seconds;
    const link = at === null || at === undefined ? null
      : h('a', {href: href(`lessons/${encodeURIComponent(strategy.media_id)}?t=${Math.floor(at * 10) / 10}`),
        'data-nav': true, class: 'evidence-link'}, `Open the lesson at ${clock(at)}`);
    const moment = h('div', {class: 'moment'});
    const play = link ? h('button', {type: 'button', class: 'play-moment', onclick: playHere},
      `▶ Play the moment (${clock(at)}${item.end_seconds ? `–${clock(item.end_seconds)}` : ''})`) : null;
    return h('li', {},
      h('p', {}, h('span', {class: 'kind'}, item.source === 'ocr' ? 'on a slide' : 'said'), ' ',
        item.text_form ? h('code', {}, item.text_form) : null),
      item.quote ? h('blockquote', {}, item.quote) : null,
      link ? h('p', {class: 'actions'}, play, link) : null, moment);

    /** The clip where it was taught, played in place from a signed link (one link for the page's lesson). */
    async function playHere() {
      play.disabled = true;
      videoLink = videoLink || get(`media_items/${encodeURIComponent(strategy.media_id)}/video_link`);
      try {
        const {url} = await videoLink;
        const end = item.end_seconds ? `,${item.end_seconds}` : '';
        const video = h('video', {controls: true, preload: 'metadata', src: `${url}#t=${at}${end}`,
          'aria-label': `The lesson from ${clock(at)}`});
        replace(moment, video);
        video.play().catch(() => {
          // a browser may refuse to start by itself; the controls are there
        });
      } catch (problem) {
        videoLink = null;
        play.disabled = false;
        replace(moment, h('p', {class: 'form-error'}, words(problem)));
      }
    }
  }));
}
