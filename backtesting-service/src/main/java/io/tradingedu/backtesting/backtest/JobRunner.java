package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.BacktestEngine;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.ParameterSweep;
import io.tradingedu.backtesting.engine.PriceSeries;
import io.tradingedu.backtesting.engine.SweepParameter;
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

    /**
     * Finds the job's data and bar range.
     *
     * @throws io.tradingedu.backtesting.marketdata.DatasetNotFoundException when the dataset is not held
     * @throws IllegalArgumentException when the range holds fewer than two bars
     */
    Prepared prepare(BacktestJob job) {
        IndicatorCache dataset = marketData.dataset(job.symbol(), job.timeframe());
        PriceSeries series = dataset.series();
        int from = job.start() == null ? 0 : series.indexAtOrAfter(job.start());
        int to = job.end() == null ? series.size() - 1 : series.indexAtOrAfter(job.end().plusNanos(1)) - 1;
        if (to - from + 1 < 2) {
            throw new IllegalArgumentException("the range " + text(job.start()) + " to " + text(job.end()) + " holds "
                    + Math.max(0, to - from + 1) + " bars of " + series.symbol() + " " + job.timeframe()
                    + "; the data runs from " + series.time(0) + " to " + series.time(series.size() - 1));
        }
        return new Prepared(job, dataset, from, to);
    }

    /** @return a {@link io.tradingedu.backtesting.engine.BacktestReport} or a {@link io.tradingedu.backtesting.engine.SweepReport} */
    Object run(Prepared prepared) {
        BacktestJob job = prepared.job();
        if (job.parameters() != null) {
            return ParameterSweep.run(prepared.dataset(), job.strategy(), job.parameters(), job.metric(), job.top(),
                    prepared.from(), prepared.to(), job.initialCapital(), job.fill(), sweepPool);
        }
        return BacktestEngine.run(prepared.dataset(), job.strategy(), prepared.from(), prepared.to(),
                job.initialCapital(), job.fill(), job.plan());
    }

    private static String text(Instant time) {
        return time == null ? "open" : time.toString();
    }

    /** A job with its data found and its range checked. */
    record Prepared(BacktestJob job, IndicatorCache dataset, int from, int to) {

        /** Bars the job simulates, to decide whether it is answered at once or queued. */
        long work() {
            long bars = to - from + 1L;
            if (job.parameters() != null) {
                return bars * job.parameters().stream().mapToLong(SweepParameter::count).reduce(1, (a, b) -> a * b);
            }
            if (job.plan() instanceof TestPlan.WalkForward walk) {
                return Math.max(bars, (bars / walk.stepBars() + 1) * walk.windowBars());
            }
            return bars;
        }
    }
}
