package io.tradingedu.backtesting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyText;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Memory and work of the engine are bounded by design: cache budget, constants, cancellation, overflow. */
class EngineBoundsTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private final PriceSeries wave = Bars.closes(IntStream.range(0, 400)
            .mapToDouble(i -> 100 + 10 * Math.sin(i / 7.0) + i * 0.05).toArray());

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    private static Expression sma(int period) {
        return Expression.IndicatorRef.of("SMA", Map.of("period", (double) period));
    }

    @Test
    void theCacheKeepsWithinItsBudgetDroppingTheLeastRecentlyUsed() {
        long perArray = 8L * wave.size() + 64;
        IndicatorCache cache = new IndicatorCache(wave, 3 * perArray);

        double[] first = cache.values(sma(2)).values();
        cache.values(sma(3));
        cache.values(sma(4));
        cache.values(sma(2)); // used again: SMA(3) is now the least recently used
        cache.values(sma(5));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.bytesHeld()).isLessThanOrEqualTo(3 * perArray);
        assertThat(cache.values(sma(2)).values()).as("kept, not recomputed").isSameAs(first);
        for (int period = 6; period < 200; period++) {
            cache.values(sma(period));
        }
        assertThat(cache.bytesHeld()).isLessThanOrEqualTo(3 * perArray);
        assertThat(cache.values(sma(2)).values()).as("dropped and computed again, same values")
                .isNotSameAs(first).containsExactly(first);
    }

    @Test
    void anIndicatorLargerThanTheWholeBudgetIsComputedButNotKept() {
        IndicatorCache cache = new IndicatorCache(wave, 100);

        assertThat(cache.values(sma(3)).values()).hasSize(wave.size());
        assertThat(cache.size()).isZero();
    }

    @Test
    void aSweepOverAConstantNeverMaterialisesItAsArrays() {
        IndicatorCache cache = new IndicatorCache(wave);
        StrategyDefinition threshold = StrategyText.parse("entry: close > 100\nexit: close < 95");

        SweepReport report = ParameterSweep.run(cache, threshold,
                List.of(new SweepParameter("entry.right.constant", 1, 2000, 1)), "total_return", 3, 0,
                wave.size() - 1, 10_000, FillTiming.NEXT_OPEN, POOL);

        assertThat(report.variants()).isEqualTo(2000);
        assertThat(cache.size()).as("only the close prices, not one array per constant").isEqualTo(1);
        assertThat(cache.bytesHeld()).isLessThanOrEqualTo(8L * wave.size() + 64);
    }

    @Test
    void constantsCompareLikeTheValuesTheyStandFor() {
        SignalCompiler signals = new SignalCompiler(new IndicatorCache(wave));

        Signal above = signals.compile(StrategyText.parse("entry: close > 105\nmax_bars: 5").entry());
        Signal between = signals.compile(StrategyText.parse("entry: close between 100 and 105\nmax_bars: 5").entry());

        for (int i = 0; i < wave.size(); i++) {
            assertThat(above.isTrue(i)).as("bar %d", i).isEqualTo(wave.close(i) > 105);
            assertThat(between.isTrue(i)).as("bar %d", i).isEqualTo(wave.close(i) >= 100 && wave.close(i) <= 105);
        }
        assertThat(IntStream.range(0, wave.size()).filter(above::isTrue).count()).isPositive();
    }

    @Test
    void aCancelledSweepStopsBeforeItsNextVariant() {
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> ParameterSweep.run(new IndicatorCache(wave), StrategyText.parse("entry: SMA(3) > SMA(8)\nexit: SMA(3) < SMA(8)"),
                List.of(new SweepParameter("entry.left.params.period", 2, 200, 1)), "sharpe", 5, 0, wave.size() - 1,
                10_000, FillTiming.NEXT_OPEN, POOL, () -> asked.incrementAndGet() > 10))
                .isInstanceOf(CancellationException.class);
        assertThat(asked.get()).as("variants started after the cancel are not run").isLessThan(199);
    }

    @Test
    void aCancelledWalkForwardStopsBetweenWindows() {
        AtomicInteger windows = new AtomicInteger();

        assertThatThrownBy(() -> BacktestEngine.run(new IndicatorCache(wave), StrategyText.parse("entry: close > SMA(5)\nexit: close < SMA(5)"),
                0, wave.size() - 1, 10_000, FillTiming.NEXT_OPEN, new TestPlan.WalkForward(20, 10),
                () -> windows.incrementAndGet() > 3))
                .isInstanceOf(CancellationException.class);
        assertThat(windows.get()).isEqualTo(4);
    }

    @Test
    void aWalkForwardStepNearTheIntegerLimitEndsInsteadOfWrappingAround() {
        BacktestReport report = BacktestEngine.run(new IndicatorCache(wave), StrategyText.parse("entry: close > SMA(5)\nexit: close < SMA(5)"),
                1, wave.size() - 1, 10_000, FillTiming.NEXT_OPEN, new TestPlan.WalkForward(50, Integer.MAX_VALUE));

        assertThat(report.periods()).singleElement().extracting(PeriodResult::label).isEqualTo("window_1");
    }

    @Test
    void sweepSizesAreCountedWithoutOverflowOrListing() {
        SweepParameter tiny = new SweepParameter("entry.right.constant", 0, 1, 1e-300);
        SweepParameter million = new SweepParameter("entry.left.params.period", 1, 1_000_000, 1);

        assertThat(tiny.values()).isEqualTo(Long.MAX_VALUE);
        assertThat(tiny.count()).isEqualTo(Integer.MAX_VALUE);
        assertThat(SweepParameter.combinations(List.of(million, million, million)))
                .isEqualTo(BigInteger.TEN.pow(18));
        assertThat(SweepParameter.combinations(List.of(tiny, tiny)).signum()).isPositive();
    }

    @Test
    void sweepParametersThatAreNotFiniteOrOrderedAreRefused() {
        StrategyDefinition cross = StrategyText.parse("entry: SMA(3) > SMA(8)\nexit: SMA(3) < SMA(8)");

        assertThat(new SweepParameter("p", Double.NaN, 1, 1).problem()).contains("finite");
        assertThat(new SweepParameter("p", 0, Double.POSITIVE_INFINITY, 1).problem()).contains("finite");
        assertThat(new SweepParameter("p", 5, 1, 1).problem()).contains("from ≤ to");
        assertThat(new SweepParameter("p", 1, 5, 1).problem()).isNull();
        assertThatThrownBy(() -> ParameterSweep.run(new IndicatorCache(wave), cross,
                List.of(new SweepParameter("entry.left.params.period", 1, 5, 0)), "sharpe", 5, 0, wave.size() - 1,
                10_000, FillTiming.NEXT_OPEN, POOL)).hasMessageContaining("positive step");
        assertThatThrownBy(() -> ParameterSweep.run(new IndicatorCache(wave), cross,
                List.of(new SweepParameter("entry.left.params.period", 1, 1000, 1),
                        new SweepParameter("entry.right.params.period", 1, 1000, 1)), "sharpe", 5, 0, wave.size() - 1,
                10_000, FillTiming.NEXT_OPEN, POOL)).hasMessageContaining("1000000 combinations, more than 100000");
    }
}
