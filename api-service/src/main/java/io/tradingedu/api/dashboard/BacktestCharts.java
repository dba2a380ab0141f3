package io.tradingedu.api.dashboard;

import io.tradingedu.api.upstream.UpstreamException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Puts one backtest's chart together from backtesting-service's answers: its periods, equity beside buy-and-hold,
 * the bars of the tested range and the trades, each bounded so that a test over decades stays a small answer.
 */
@Component
class BacktestCharts {

    private final BacktestingReader backtesting;
    private final BacktestChartProperties properties;

    BacktestCharts(BacktestingReader backtesting, BacktestChartProperties properties) {
        this.backtesting = backtesting;
        this.properties = properties;
    }

    BacktestChart chart(UUID id) {
        JsonNode job = backtesting.backtest(id);
        String status = text(job, "status");
        if (!"COMPLETED".equalsIgnoreCase(status)) {
            throw new UpstreamException(HttpStatus.CONFLICT, "backtest-not-completed", "Backtest not completed",
                    "backtest " + id + " is " + (status == null ? "in an unknown state" : status.toLowerCase())
                            + "; its chart exists once it has completed", null);
        }
        JsonNode request = job.path("request");
        String symbol = text(request, "symbol");
        String timeframe = text(request, "timeframe");
        double capital = request.path("initial_capital").asDouble(0);
        List<BacktestChart.Period> periods = new ArrayList<>();
        for (JsonNode p : job.path("metrics").path("periods")) {
            periods.add(new BacktestChart.Period(text(p, "label"), instant(p, "from"), instant(p, "to"),
                    p.get("metrics")));
        }
        if (periods.isEmpty() || symbol == null || timeframe == null) {
            throw backtesting.failed("backtest " + id + " was answered without its periods or dataset");
        }
        Instant from = periods.stream().map(BacktestChart.Period::from).min(Instant::compareTo).orElseThrow();
        Instant to = periods.stream().map(BacktestChart.Period::to).max(Instant::compareTo).orElseThrow();
        List<BacktestChart.Bar> bars = bars(backtesting.bars(symbol, timeframe, from, to, properties.maxBars()));
        // both bounded by backtesting-service: a two-million-bar test never reaches api-service whole
        BacktestingReader.Bounded equityAnswer = backtesting.equity(id, properties.maxPoints());
        BacktestingReader.Bounded tradesAnswer = backtesting.trades(id, properties.maxTrades());
        List<BacktestChart.EquityPoint> equity = equityBesideBuyAndHold(equityAnswer.items(), bars, capital);
        List<BacktestChart.Trade> trades = trades(tradesAnswer.items());
        int span = Math.max(1, (bars.size() + properties.maxPoints() - 1) / properties.maxPoints());
        JsonNode aggregate = job.path("metrics").get("aggregate");
        return new BacktestChart(id, symbol, timeframe, status, capital, periods,
                aggregate == null || aggregate.isNull() ? null : aggregate, thin(equity, properties.maxPoints()),
                Math.max(equity.size(), equityAnswer.total()), merge(bars, span), span,
                bars.size() >= properties.maxBars(), trades.subList(0, Math.min(trades.size(), properties.maxTrades())),
                Math.max(trades.size(), tradesAnswer.total()), properties.maxPoints());
    }

    private static List<BacktestChart.Bar> bars(JsonNode answer) {
        List<BacktestChart.Bar> bars = new ArrayList<>();
        for (JsonNode b : answer) {
            bars.add(new BacktestChart.Bar(instant(b, "time"), b.path("open").asDouble(), b.path("high").asDouble(),
                    b.path("low").asDouble(), b.path("close").asDouble()));
        }
        return bars;
    }

    /**
     * Each period is simulated from the initial capital, so buy-and-hold restarts with it too: the capital bought at
     * the period's first close and held, valued at each bar's close.
     */
    static List<BacktestChart.EquityPoint> equityBesideBuyAndHold(JsonNode answer, List<BacktestChart.Bar> bars,
                                                                  double capital) {
        Map<Instant, Double> closes = new HashMap<>();
        bars.forEach(bar -> closes.put(bar.time(), bar.close()));
        List<BacktestChart.EquityPoint> points = new ArrayList<>();
        String period = null;
        Double firstClose = null;
        for (JsonNode e : answer) {
            String label = text(e, "period");
            Instant time = instant(e, "time");
            Double close = closes.get(time);
            if (!label.equals(period)) {
                period = label;
                firstClose = close;
            }
            Double held = close == null || firstClose == null || firstClose == 0 ? null : capital * close / firstClose;
            points.add(new BacktestChart.EquityPoint(time, label, e.path("equity").asDouble(), held));
        }
        return points;
    }

    /** Every k-th point, always keeping each period's first and last, so the line keeps its shape and its ends. */
    static List<BacktestChart.EquityPoint> thin(List<BacktestChart.EquityPoint> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        int step = (points.size() + max - 1) / max;
        List<BacktestChart.EquityPoint> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean periodEdge = i == 0 || i == points.size() - 1
                    || !points.get(i).period().equals(points.get(i - 1).period())
                    || !points.get(i).period().equals(points.get(i + 1).period());
            if (i % step == 0 || periodEdge) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    /** {@code span} bars into one: the first open, the highest high, the lowest low, the last close. */
    static List<BacktestChart.Bar> merge(List<BacktestChart.Bar> bars, int span) {
        if (span <= 1) {
            return bars;
        }
        List<BacktestChart.Bar> merged = new ArrayList<>();
        for (int start = 0; start < bars.size(); start += span) {
            List<BacktestChart.Bar> group = bars.subList(start, Math.min(bars.size(), start + span));
            double high = group.stream().mapToDouble(BacktestChart.Bar::high).max().orElseThrow();
            double low = group.stream().mapToDouble(BacktestChart.Bar::low).min().orElseThrow();
            merged.add(new BacktestChart.Bar(group.getFirst().time(), group.getFirst().open(), high, low,
                    group.getLast().close()));
        }
        return merged;
    }

    private static List<BacktestChart.Trade> trades(JsonNode answer) {
        List<BacktestChart.Trade> trades = new ArrayList<>();
        for (JsonNode t : answer) {
            trades.add(new BacktestChart.Trade(text(t, "period"), text(t, "side"), instant(t, "entry_time"),
                    t.path("entry_price").asDouble(), instant(t, "exit_time"), t.path("exit_price").asDouble(),
                    t.path("pnl").asDouble(), t.path("pnl_percent").asDouble(), text(t, "exit_reason")));
        }
        trades.sort((a, b) -> a.entryTime().compareTo(b.entryTime()));
        return trades;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
