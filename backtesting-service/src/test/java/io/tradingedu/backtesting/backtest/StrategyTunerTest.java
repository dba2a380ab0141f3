package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.backtesting.engine.BacktestEngine;
import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.marketdata.RealMarketData;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.OpenParameter;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Tuning on the real S&P 500: the in-sample winner is chosen and every variant is counted. */
class StrategyTunerTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final IndicatorCache SPX = new IndicatorCache(RealMarketData.sp500());
    private static final DatasetRef REF = new DatasetRef("SPX", "1d", null, null);
    private static final String FAST = "entry.left.params.period,exit.left.params.period";
    private static final StrategyDefinition CROSS = StrategyText.parse("""
            name: Moving average cross
            entry: SMA(20) crosses above SMA(200)
            exit: SMA(20) crosses below SMA(200)
            """);
    /** The first 70 % of the 5,105 bars, as a 0.7 split cuts them. */
    private static final int IN_SAMPLE_END = (int) Math.round(5105 * 0.7) - 1;

    @AfterAll
    static void stop() {
        POOL.shutdown();
    }

    @Test
    void choosesTheVariantWithTheBestInSampleSharpeAndCountsEveryTrial() {
        StrategyTuner tuner = new StrategyTuner(POOL, new PipelineBacktestProperties(20, 200));

        StrategyTuner.Tuned tuned = tuner.tune(REF, SPX, 0, IN_SAMPLE_END, 10_000, CROSS,
                List.of(new OpenParameter(List.of(FAST), 10, 50, 10, "a short moving average")));

        List<Double> sharpes = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int bestPeriod = 0;
        for (int period = 10; period <= 50; period += 10) {
            Double sharpe = inSampleSharpe(cross(period));
            sharpes.add(sharpe);
            if (sharpe > best) {
                best = sharpe;
                bestPeriod = period;
            }
        }
        double mean = sharpes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = sharpes.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / (sharpes.size() - 1);
        assertThat(tuned.definition()).isEqualTo(cross(bestPeriod));
        assertThat(tuned.tuning().chosen()).containsEntry(FAST, (double) bestPeriod);
        assertThat(tuned.tuning().variants()).isEqualTo(5);
        assertThat(tuned.tuning().trials()).isEqualTo(5);
        assertThat(tuned.tuning().sharpeMean()).isCloseTo(mean, within(1e-12));
        assertThat(tuned.tuning().sharpeVariance()).isCloseTo(variance, within(1e-12));
        assertThat(tuned.tuning().periodsPerYear()).isBetween(250.0, 254.0);
    }

    @Test
    void aGridLargerThanTheBoundIsTriedWithCoarserSteps() {
        StrategyTuner tuner = new StrategyTuner(POOL, new PipelineBacktestProperties(20, 3));

        StrategyTuner.Tuned tuned = tuner.tune(REF, SPX, 0, IN_SAMPLE_END, 10_000, CROSS,
                List.of(new OpenParameter(List.of(FAST), 10, 50, 5, "a short moving average")));

        assertThat(tuned.tuning().variants()).isEqualTo(3);
        assertThat(tuned.tuning().parameters().getFirst().step()).isEqualTo(20);
        assertThat(tuned.tuning().notes()).containsExactly(FAST + " tried every 20 instead of every 5 to stay "
                + "within 3 variants");
    }

    @Test
    void aStrategyWithoutOpenParametersIsOneTrial() {
        StrategyTuner tuner = new StrategyTuner(POOL, new PipelineBacktestProperties(20, 200));

        StrategyTuner.Tuned tuned = tuner.tune(REF, SPX, 0, IN_SAMPLE_END, 10_000, CROSS, List.of());

        assertThat(tuned.definition()).isSameAs(CROSS);
        assertThat(tuned.tuning().trials()).isEqualTo(1);
        assertThat(tuned.tuning().sharpeMean()).isEqualTo(inSampleSharpe(CROSS));
        assertThat(tuned.tuning().sharpeVariance()).isZero();
    }

    @Test
    void aPathThatIsNotInTheStrategyLeavesItUntunedWithANote() {
        StrategyTuner tuner = new StrategyTuner(POOL, new PipelineBacktestProperties(20, 200));

        StrategyTuner.Tuned tuned = tuner.tune(REF, SPX, 0, IN_SAMPLE_END, 10_000, CROSS,
                List.of(new OpenParameter(List.of("entry.conditions[3].left.params.period"), 2, 4, 1, "x")));

        assertThat(tuned.definition()).isSameAs(CROSS);
        assertThat(tuned.tuning().trials()).isEqualTo(1);
        assertThat(tuned.tuning().notes()).singleElement().asString().startsWith("open parameters not tuned");
    }

    /**
     * Over the first 551 bars only SMA(10) crosses the 200-day line (the others never trade, so their Sharpe ratio
     * is undefined). All five variants were tried and count as trials, the silent ones with Sharpe 0: counting
     * only the one that traded would make the search look like a single honest test.
     */
    @Test
    void variantsThatNeverTradedCountAsTrialsWithSharpeZero() {
        StrategyTuner tuner = new StrategyTuner(POOL, new PipelineBacktestProperties(20, 200));

        StrategyTuner.Tuned tuned = tuner.tune(REF, SPX, 0, 550, 10_000, CROSS,
                List.of(new OpenParameter(List.of(FAST), 10, 50, 10, "a short moving average")));

        List<Double> sharpes = new ArrayList<>();
        for (int period = 10; period <= 50; period += 10) {
            sharpes.add(inSampleSharpe(cross(period), 550));
        }
        assertThat(sharpes).as("the data make a mix of trading and silent variants").containsNull()
                .anyMatch(java.util.Objects::nonNull);
        List<Double> asTrials = sharpes.stream().map(s -> s == null ? 0.0 : s).toList();
        double mean = asTrials.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = asTrials.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / (asTrials.size() - 1);
        assertThat(tuned.definition()).isEqualTo(cross(10));
        assertThat(tuned.tuning().trials()).isEqualTo(5);
        assertThat(tuned.tuning().sharpeMean()).isCloseTo(mean, within(1e-12));
        assertThat(tuned.tuning().sharpeVariance()).isCloseTo(variance, within(1e-12));
        assertThat(tuned.tuning().notes()).containsExactly("4 of 5 variants had no in-sample Sharpe ratio (no trade) "
                + "and count as trials with Sharpe 0");
    }

    /** No variant traded in sample: the candidate is still five trials (mean 0), not a candidate without trials. */
    @Test
    void aSearchWhereNothingTradedIsStillCounted() {
        StrategyTuner tuner = new StrategyTuner(POOL, new PipelineBacktestProperties(20, 200));

        StrategyTuner.Tuned tuned = tuner.tune(REF, SPX, 0, 300, 10_000, CROSS,
                List.of(new OpenParameter(List.of(FAST), 10, 50, 10, "a short moving average")));
        StrategyTuner.Tuned untuned = tuner.tune(REF, SPX, 0, 300, 10_000, CROSS, List.of());

        assertThat(tuned.definition()).isSameAs(CROSS);
        assertThat(tuned.tuning().variants()).isEqualTo(5);
        assertThat(tuned.tuning().trials()).isEqualTo(5);
        assertThat(tuned.tuning().sharpeMean()).isZero();
        assertThat(tuned.tuning().sharpeVariance()).isZero();
        assertThat(tuned.tuning().notes()).containsExactly("no variant had an in-sample Sharpe ratio (none traded); "
                + "the generated values are tested");
        assertThat(untuned.tuning().trials()).isEqualTo(1);
        assertThat(untuned.tuning().sharpeMean()).isZero();
    }

    private static StrategyDefinition cross(int fast) {
        return StrategyText.parse("name: Moving average cross\nentry: SMA(%d) crosses above SMA(200)\nexit: SMA(%d) crosses below SMA(200)"
                .formatted(fast, fast));
    }

    private static Double inSampleSharpe(StrategyDefinition strategy) {
        return inSampleSharpe(strategy, IN_SAMPLE_END);
    }

    private static Double inSampleSharpe(StrategyDefinition strategy, int inSampleEnd) {
        return BacktestEngine.run(SPX, strategy, 0, inSampleEnd, 10_000, FillTiming.NEXT_OPEN, TestPlan.SINGLE)
                .periods().getFirst().metrics().sharpe();
    }
}
