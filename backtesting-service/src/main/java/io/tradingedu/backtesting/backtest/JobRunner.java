package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.BacktestEngine;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.ParameterSweep;
import io.tradingedu.backtesting.engine.PriceSeries;
import io.tradingedu.backtesting.engine.SweepParameter;
import io.tradingedu.backtesting.marketdata.MarketDataService;
import io.tradingedu.shared.backtest.TestPlan;
import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
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
        return run(prepared, () -> false);
    }

    /**
     * @param cancelled read between sweep variants and walk-forward windows
     * @throws java.util.concurrent.CancellationException once {@code cancelled} is true
     */
    Object run(Prepared prepared, BooleanSupplier cancelled) {
        BacktestJob job = prepared.job();
        if (job.parameters() != null) {
            return ParameterSweep.run(prepared.dataset(), job.strategy(), job.parameters(), job.metric(), job.top(),
                    prepared.from(), prepared.to(), job.initialCapital(), job.fill(), sweepPool, cancelled);
        }
        return BacktestEngine.run(prepared.dataset(), job.strategy(), prepared.from(), prepared.to(),
                job.initialCapital(), job.fill(), job.plan(), cancelled);
    }

    private static String text(Instant time) {
        return time == null ? "open" : time.toString();
    }

    /** A job with its data found and its range checked. */
    record Prepared(BacktestJob job, IndicatorCache dataset, int from, int to) {

        long bars() {
            return to - from + 1L;
        }

        /** Walk-forward windows that fit in the range; 0 when not even one does. */
        static long windows(long bars, TestPlan.WalkForward walk) {
            return bars < walk.windowBars() ? 0 : (bars - walk.windowBars()) / walk.stepBars() + 1;
        }

        /** Sweep variants, exactly; 1 for a backtest. */
        BigInteger variants() {
            return job.parameters() == null ? BigInteger.ONE : SweepParameter.combinations(job.parameters());
        }

        /** Bars the job simulates, exactly (no overflow), to check its cost and to decide whether to queue it. */
        BigInteger exactWork() {
            if (job.parameters() != null) {
                return variants().multiply(BigInteger.valueOf(bars()));
            }
            if (job.plan() instanceof TestPlan.WalkForward walk) {
                return BigInteger.valueOf(windows(bars(), walk)).multiply(BigInteger.valueOf(walk.windowBars()));
            }
            return BigInteger.valueOf(bars());
        }

        /** {@link #exactWork()}, saturating at {@link Long#MAX_VALUE}. */
        long work() {
            BigInteger work = exactWork();
            return work.bitLength() < 64 ? work.longValue() : Long.MAX_VALUE;
        }
    }
}
