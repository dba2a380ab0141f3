package io.tradingedu.backtesting.engine;

import io.tradingedu.backtesting.marketdata.RealMarketData;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnCurrentCloseModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * {@code deploy/local/stack.sh bench}: raw ta4j beside this engine on the S&P 500 daily series (5,105 bars), in one
 * process. Not a test: it prints measurements (median of timed repetitions after warm-up) for docs/backtesting.md.
 */
public final class BacktestBenchmark {

    private static final String GOLDEN_CROSS_WITH_EVERYTHING = """
            entry: SMA(50) crosses above SMA(200)
            exit: SMA(50) crosses below SMA(200)
            stop_loss: 8%
            commission_bps: 5
            slippage_bps: 2
            """;

    private BacktestBenchmark() {
    }

    public static void main(String[] args) {
        PriceSeries spx = RealMarketData.sp500();
        int bars = spx.size();
        System.out.printf(Locale.ROOT, "S&P 500 daily: %d bars; %d cores; %s%n", bars,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        double rawSingle = medianMillis(200, 500, () -> rawTa4j(spx.barSeries(), 50, 200));
        StrategyDefinition strategy = StrategyText.parse(GOLDEN_CROSS_WITH_EVERYTHING);
        double oursCold = medianMillis(200, 500, () -> BacktestEngine.run(new IndicatorCache(spx), strategy, 0,
                bars - 1, 10_000, FillTiming.NEXT_OPEN, TestPlan.SINGLE));
        IndicatorCache warm = new IndicatorCache(spx);
        double oursWarm = medianMillis(200, 1000, () -> BacktestEngine.run(warm, strategy, 0, bars - 1, 10_000,
                FillTiming.NEXT_OPEN, TestPlan.SINGLE));
        System.out.printf(Locale.ROOT, "single backtest, raw ta4j (SMA 50/200, no costs, fills at close): %.3f ms%n",
                rawSingle);
        System.out.printf(Locale.ROOT, "single backtest, ours (costs, 8%% stop, next-open fills, every metric), "
                + "indicators computed: %.3f ms (%.2fx raw ta4j)%n", oursCold, rawSingle / oursCold);
        System.out.printf(Locale.ROOT, "single backtest, ours, dataset's indicators already cached (as in the "
                + "service): %.3f ms (%.2fx raw ta4j)%n", oursWarm, rawSingle / oursWarm);

        int variants = 1000;
        double rawSweepMillis = medianMillis(1, 3, () -> {
            for (int fast = 10; fast < 60; fast += 5) {
                for (int slow = 100; slow < 600; slow += 5) {
                    rawTa4j(spx.barSeries(), fast, slow);
                }
            }
        });
        int threads = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        List<SweepParameter> grid = List.of(
                new SweepParameter("entry.left.params.period,exit.left.params.period", 10, 55, 5),
                new SweepParameter("entry.right.params.period,exit.right.params.period", 100, 595, 5));
        StrategyDefinition sweepBase = strategy;
        double oursSweepMillis = medianMillis(2, 5, () -> {
            SweepReport report = ParameterSweep.run(new IndicatorCache(spx), sweepBase, grid, "sharpe", 10, 0,
                    bars - 1, 10_000, FillTiming.NEXT_OPEN, pool);
            if (report.variants() != variants) {
                throw new IllegalStateException("expected " + variants + " variants, got " + report.variants());
            }
        });
        pool.shutdown();
        double rawRate = variants * (double) bars / (rawSweepMillis / 1000);
        double oursRate = variants * (double) bars / (oursSweepMillis / 1000);
        System.out.printf(Locale.ROOT, "1,000-variant SMA sweep, raw ta4j, 1 thread: %.0f ms = %.2f million "
                + "strategy-bars/s%n", rawSweepMillis, rawRate / 1e6);
        System.out.printf(Locale.ROOT, "1,000-variant SMA sweep, ours, %d threads, shared indicators (costs, stop, "
                + "next-open fills, every metric per variant): %.0f ms = %.2f million strategy-bars/s (%.2fx raw ta4j)%n",
                threads, oursSweepMillis, oursRate / 1e6, oursRate / rawRate);
    }

    private static TradingRecord rawTa4j(BarSeries series, int fast, int slow) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator shortSma = new SMAIndicator(close, fast);
        SMAIndicator longSma = new SMAIndicator(close, slow);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(shortSma, longSma),
                new CrossedDownIndicatorRule(shortSma, longSma), slow);
        return new BarSeriesManager(series, new TradeOnCurrentCloseModel()).run(strategy);
    }

    private static double medianMillis(int warmups, int runs, Runnable task) {
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
