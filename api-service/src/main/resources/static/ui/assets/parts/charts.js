// The backtest's two charts, drawn with TradingView's lightweight-charts (bundled at build time, served from 'self'):
// equity against buy-and-hold, and the prices with a marker at every trade's entry and exit.
import {createChart, createSeriesMarkers, CandlestickSeries, LineSeries, ColorType}
  from '../../vendor/lightweight-charts/dist/lightweight-charts.standalone.production.mjs';
import {h} from '../dom.js';

// AA-friendly colours on white: the strategy in the accent blue, holding in grey, wins green, losses red
const COLORS = {strategy: '#0b5cad', hold: '#5f6b7a', up: '#1a7f37', down: '#a4161a', text: '#1b2430', grid: '#e3e7ed'};

const seconds = instant => Math.floor(Date.parse(instant) / 1000);

function chartIn(container) {
  return createChart(container, {
    autoSize: true,
    // the logo would insert a <style> element (refused by the page's CSP) and a link out: the attribution is a
    // line of text under the charts instead, as the library's licence asks
    layout: {background: {type: ColorType.Solid, color: '#ffffff'}, textColor: COLORS.text, attributionLogo: false},
    grid: {vertLines: {color: COLORS.grid}, horzLines: {color: COLORS.grid}},
    timeScale: {borderColor: '#c9d0da'},
    rightPriceScale: {borderColor: '#c9d0da'},
  });
}

/** Ascending unique times: lightweight-charts refuses two points at one time. */
function line(points) {
  const out = [];
  for (const point of points) {
    if (point.value === null || point.value === undefined) continue;
    if (out.length && out[out.length - 1].time >= point.time) continue;
    out.push(point);
  }
  return out;
}

/** The last bar at or before a time: markers must sit on a drawn bar (bars may be merged weeks). */
function barTime(bars, time) {
  let low = 0;
  let high = bars.length - 1;
  let found = bars.length ? bars[0].time : time;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (bars[mid].time <= time) {
      found = bars[mid].time;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Draws both charts of one backtest into new elements and returns them with a function that removes the charts.
 * The price chart's container says how many trades and markers it drew (data-trades, data-markers).
 */
export function backtestCharts(chart) {
  const equityBox = h('div', {class: 'chart', id: 'equity-chart', role: 'img',
    'aria-label': `Equity of the strategy against buy-and-hold on ${chart.symbol}, ${chart.equity.length} points`});
  const priceBox = h('div', {class: 'chart', id: 'price-chart', role: 'img',
    'aria-label': `${chart.symbol} prices with ${chart.trades.length} trades marked at entry and exit`});
  const legend = h('ul', {class: 'legend chart-legend'},
    h('li', {}, h('span', {class: 'swatch swatch-strategy', 'aria-hidden': 'true'}), 'strategy equity'),
    h('li', {}, h('span', {class: 'swatch swatch-hold', 'aria-hidden': 'true'}), `buy-and-hold ${chart.symbol}`));
  const elements = [
    h('h3', {}, 'Equity against buy-and-hold'), legend, equityBox,
    h('p', {class: 'help'}, `Each period starts again from ${chart.initial_capital.toLocaleString()}; `
      + `${chart.equity.length < chart.equity_points ? `${chart.equity.length} of ${chart.equity_points} points `
        + 'drawn.' : `${chart.equity_points} points.`}`),
    h('h3', {}, `${chart.symbol} ${chart.timeframe} with the trades`), priceBox,
    h('p', {class: 'help'}, [
      chart.bar_span > 1 ? `Each candle merges ${chart.bar_span} bars. ` : '',
      chart.bars_cut ? 'The range held more bars than are read; its latest bars are missing. ' : '',
      chart.trades_total > chart.trades.length ? `The first ${chart.trades.length} of ${chart.trades_total} trades `
        + 'are marked. ' : '',
      '▲ entry, ▼ exit (green: a winning trade, red: a losing one).'].join('')),
  ];
  const charts = [];
  // drawn once the containers are in the page (autoSize measures them)
  const draw = () => {
    const equity = chartIn(equityBox);
    charts.push(equity);
    equity.addSeries(LineSeries, {color: COLORS.strategy, lineWidth: 2, title: 'strategy'})
      .setData(line(chart.equity.map(point => ({time: seconds(point.time), value: point.equity}))));
    equity.addSeries(LineSeries, {color: COLORS.hold, lineWidth: 1, title: 'buy-and-hold'})
      .setData(line(chart.equity.map(point => ({time: seconds(point.time), value: point.buy_and_hold}))));
    equity.timeScale().fitContent();

    const prices = chartIn(priceBox);
    charts.push(prices);
    const bars = chart.bars.map(bar => ({time: seconds(bar.time), open: bar.open, high: bar.high, low: bar.low,
      close: bar.close}));
    const candles = prices.addSeries(CandlestickSeries, {upColor: COLORS.up, downColor: COLORS.down,
      borderVisible: false, wickUpColor: COLORS.up, wickDownColor: COLORS.down});
    candles.setData(bars);
    const markers = [];
    for (const trade of chart.trades) {
      const won = trade.pnl >= 0;
      const long = trade.side !== 'SHORT';
      markers.push({time: barTime(bars, seconds(trade.entry_time)), position: long ? 'belowBar' : 'aboveBar',
        shape: long ? 'arrowUp' : 'arrowDown', color: COLORS.strategy, text: long ? 'buy' : 'sell'});
      markers.push({time: barTime(bars, seconds(trade.exit_time)), position: long ? 'aboveBar' : 'belowBar',
        shape: long ? 'arrowDown' : 'arrowUp', color: won ? COLORS.up : COLORS.down,
        text: `${trade.pnl_percent.toFixed(1)}%`});
    }
    markers.sort((a, b) => a.time - b.time);
    createSeriesMarkers(candles, markers);
    prices.timeScale().fitContent();
    priceBox.dataset.trades = String(chart.trades.length);
    priceBox.dataset.markers = String(markers.length);
    equityBox.dataset.points = String(chart.equity.length);
  };
  return {elements, draw, remove: () => charts.splice(0).forEach(drawn => drawn.remove())};
}
