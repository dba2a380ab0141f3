package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.BacktestEngine;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.ParameterSweep;
import io.tradingedu.backtesting.engine.PriceSeries;
import io.tradingedu.backtesting.marketdata.MarketDataService;
import io.tradingedu.shared.backtest.TestPlan;
import java.time.Instant;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Component;

/** Runs a resolved job on its market data with the engine; knows nothing of HTTP or persistence. */
@Component
class JobRunner {

    private final MarketDataService marketData;
    private final ForkJoinPool sweepPool;

    JobRunner(MarketDataService marketData, ForkJoinPool sweepPool) {
        this.marketData = marketData;
        this.sweepPool = sweepPool;
    }

    /** @return a {@link io.tradingedu.backtesting.engine.BacktestReport} or a {@link io.tradingedu.backtesting.engine.SweepReport} */
    Object run(BacktestJob job) {
        IndicatorCache dataset = marketData.dataset(job.symbol(), job.timeframe());
        BarRange range = range(dataset.series(), job);
        if (job.parameters() != null) {
            return ParameterSweep.run(dataset, job.strategy(), job.parameters(), job.metric(), job.top(),
                    range.from(), range.to(), job.initialCapital(), job.fill(), sweepPool);
        }
        return BacktestEngine.run(dataset, job.strategy(), range.from(), range.to(), job.initialCapital(), job.fill(),
                job.plan());
    }

    /** Bars simulated by the job, to decide whether it is answered at once or queued. */
    long work(BacktestJob job) {
        IndicatorCache dataset = marketData.dataset(job.symbol(), job.timeframe());
        BarRange range = range(dataset.series(), job);
        long bars = range.to() - range.from() + 1L;
        if (job.parameters() != null) {
            long variants = 1;
            for (var parameter : job.parameters()) {
                variants *= Math.max(1, (long) Math.floor((parameter.to() - parameter.from()) / parameter.step()) + 1);
            }
            return bars * variants;
        }
        if (job.plan() instanceof TestPlan.WalkForward walk) {
            return Math.max(bars, (bars / walk.stepBars() + 1) * walk.windowBars());
        }
        return bars;
    }

    private static BarRange range(PriceSeries series, BacktestJob job) {
        int from = job.start() == null ? 0 : series.indexAtOrAfter(job.start());
        int to = job.end() == null ? series.size() - 1 : series.indexAtOrAfter(job.end().plusNanos(1)) - 1;
        if (to - from + 1 < 2) {
            throw new IllegalArgumentException("the range " + text(job.start()) + " to " + text(job.end()) + " holds "
                    + Math.max(0, to - from + 1) + " bars of " + series.symbol() + " " + job.timeframe()
                    + "; the data runs from " + series.time(0) + " to " + series.time(series.size() - 1));
        }
        return new BarRange(from, to);
    }

    private static String text(Instant time) {
        return time == null ? "open" : time.toString();
    }

    private record BarRange(int from, int to) {
    }
}
