# Real market data from registry packages (nothing is committed): fetched once into $MARKET_DATA_DIR,
# loaded into the backtesting service through its API, and used by the backtest demo.
MARKET_DATA_DIR="${MARKET_DATA_DIR:-$STACK_HOME/data/market}"
BACKTEST_URL="${BACKTEST_URL:-http://localhost:8001}"
VEGA_DATASETS="vega-datasets@3.2.1"
TA4J_EXAMPLES="org.ta4j:ta4j-examples:0.18"

# S&P 500 daily 2000-2020 (npm vega-datasets), AAPL daily 2013 and BTC/USD trades (Maven ta4j-examples).
fetch_market_data() {
  mkdir -p "$MARKET_DATA_DIR"
  local tmp; tmp="$(mktemp -d)"
  if [ ! -s "$MARKET_DATA_DIR/sp500-2000.csv" ]; then
    log "fetching S&P 500 daily bars from npm $VEGA_DATASETS"
    (cd "$tmp" && npm pack --silent "$VEGA_DATASETS" >/dev/null && tar xzf vega-datasets-*.tgz package/data/sp500-2000.csv) \
      || die "could not fetch $VEGA_DATASETS from the npm registry"
    mv "$tmp/package/data/sp500-2000.csv" "$MARKET_DATA_DIR/"
  fi
  if [ ! -s "$MARKET_DATA_DIR/appleinc_bars_from_20130101_usd.csv" ] \
      || [ ! -s "$MARKET_DATA_DIR/bitstamp_trades_from_20131125_usd.csv" ]; then
    log "fetching AAPL bars and BTC/USD trades from Maven $TA4J_EXAMPLES"
    (cd "$REPO" && mvn -q -B dependency:copy -Dartifact="$TA4J_EXAMPLES" -DoutputDirectory="$tmp") \
      || die "could not fetch $TA4J_EXAMPLES from Maven Central"
    unzip -o -q "$tmp"/ta4j-examples-*.jar appleinc_bars_from_20130101_usd.csv bitstamp_trades_from_20131125_usd.csv \
      -d "$MARKET_DATA_DIR"
  fi
  rm -rf "$tmp"
  log "market data in $MARKET_DATA_DIR: $(cd "$MARKET_DATA_DIR" && ls | tr '\n' ' ')"
}

# Uploads the datasets to the running backtesting service (an upload of bars already held replaces them).
load_market_data() {
  fetch_market_data
  upload_csv SPX 1d sp500-2000.csv
  upload_csv AAPL 1d appleinc_bars_from_20130101_usd.csv
  upload_csv BTCUSD 1h bitstamp_trades_from_20131125_usd.csv
}

upload_csv() {
  local symbol="$1" timeframe="$2" file="$3"
  api_curl -fsS -X POST "$BACKTEST_URL/market-data?symbol=$symbol&timeframe=$timeframe" \
      -F "file=@$MARKET_DATA_DIR/$file" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("[stack] loaded %s %s: %d bars %s .. %s (%s; %d rows rejected)" % (r["symbol"], r["timeframe"], r["bars_stored"], r["from"][:10], r["to"][:10], r["format"], r["rejected_count"]))' \
    || die "uploading $file failed"
}

# The golden cross on the S&P 500: stored as compact text, backtested with costs, then walk-forward.
backtest_demo() {
  log "storing the golden cross strategy and backtesting it on SPX daily 2000-2020"
  local strategy; strategy="$(api_curl -fsS -X POST "$BACKTEST_URL/strategies" -H 'content-type: text/plain' --data-binary $'name: Golden cross\nentry: SMA(50) crosses above SMA(200)\nexit: SMA(50) crosses below SMA(200)\ncommission_bps: 5\nslippage_bps: 2')" \
    || die "storing the strategy failed"
  local id; id="$(echo "$strategy" | json_field "['id']")"
  local result; result="$(api_curl -fsS -X POST "$BACKTEST_URL/backtest" -H 'content-type: application/json' \
      -d "{\"strategy_id\": \"$id\", \"symbol\": \"SPX\", \"timeframe\": \"1d\", \"initial_capital\": 10000}")" \
    || die "the backtest failed"
  local backtest; backtest="$(echo "$result" | json_field "['id']")"
  echo "$result" | python3 -c '
import json, sys
m = json.load(sys.stdin)["metrics"]["periods"][0]["metrics"]
pct = lambda v: "n/a" if v is None else "%.1f %%" % (100 * v)
num = lambda v: "n/a" if v is None else "%.2f" % v
print("  total return %s (buy and hold %s), CAGR %s, Sharpe %s, max drawdown %s, %d trades, win rate %s" % (
    pct(m["total_return"]), pct(m["buy_and_hold_return"]), pct(m["cagr"]), num(m["sharpe"]), pct(m["max_drawdown"]),
    m["trades"], pct(m["win_rate"])))'
  api_curl -fsS "$BACKTEST_URL/backtest/$backtest/trades" | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    print("  %s %s @ %9.2f -> %s @ %9.2f  %+7.2f %%  %4d bars  %s" % (t["side"], t["entry_time"][:10], t["entry_price"], t["exit_time"][:10], t["exit_price"], t["pnl_percent"], t["bars_held"], t["exit_reason"]))'
  log "walk-forward: 3-year windows every year"
  api_curl -fsS -X POST "$BACKTEST_URL/backtest" -H 'content-type: application/json' \
      -d "{\"strategy_id\": \"$id\", \"symbol\": \"SPX\", \"plan\": {\"mode\": \"walk_forward\", \"window_bars\": 756, \"step_bars\": 252}}" \
    | python3 -c '
import json, sys
a = json.load(sys.stdin)["metrics"]["aggregate"]
print("  %d windows, %d profitable, mean return %.1f %%, worst %.1f %%, worst drawdown %.1f %%" % (
    a["windows"], a["profitable_windows"], 100 * a["mean_total_return"], 100 * a["worst_total_return"], 100 * a["worst_max_drawdown"]))' \
    || die "the walk-forward backtest failed"
  echo "  full result: $BACKTEST_URL/backtest/$backtest (metrics, trades, equity)"
}

# Raw ta4j beside our engine on the S&P 500 series; prints the numbers recorded in docs/backtesting.md.
run_benchmark() {
  log "building the backtesting service and its benchmark"
  (cd "$REPO" && mvn -q -B install -DskipTests -pl shared-model,service-support -am \
    && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -pl backtesting-service) \
    || die "the build failed"
  local module="$REPO/backtesting-service"
  java -Dmarket.data.dir="$MARKET_DATA_DIR" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    io.tradingedu.backtesting.engine.BacktestBenchmark
}
