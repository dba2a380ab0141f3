package io.tradingedu.backtesting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyText;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ParameterSweepTest {

    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final StrategyDefinition CROSS = StrategyText.parse("""
            entry: SMA(3) crosses above SMA(8)
            exit: SMA(3) crosses below SMA(8)
            """);

    /** A wave, so that average crossings come and go. */
    private final PriceSeries wave = Bars.closes(java.util.stream.IntStream.range(0, 300)
            .mapToDouble(i -> 100 + 10 * Math.sin(i / 7.0) + i * 0.05).toArray());

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    @Test
    void everyCombinationRunsAndTheBestComesFirst() {
        SweepReport report = sweep(List.of(new SweepParameter("entry.left.params.period,exit.left.params.period", 2, 6, 1),
                new SweepParameter("entry.right.params.period,exit.right.params.period", 8, 20, 4)), "total_return");

        assertThat(report.variants()).isEqualTo(5 * 4);
        assertThat(report.invalidVariants()).isZero();
        assertThat(report.ranked()).hasSize(5);
        List<Double> returns = report.ranked().stream().map(v -> v.metrics().totalReturn()).toList();
        assertThat(returns).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        SweepReport.Variant best = report.ranked().getFirst();
        double fast = best.parameters().get("entry.left.params.period,exit.left.params.period");
        double slow = best.parameters().get("entry.right.params.period,exit.right.params.period");
        StrategyDefinition bestStrategy = StrategyText.parse("entry: SMA(%d) crosses above SMA(%d)\nexit: SMA(%d) crosses below SMA(%d)"
                .formatted((int) fast, (int) slow, (int) fast, (int) slow));
        Metrics alone = BacktestEngine.run(new IndicatorCache(wave), bestStrategy, 0, wave.size() - 1, 10_000,
                FillTiming.NEXT_OPEN, TestPlan.SINGLE).periods().getFirst().metrics();
        assertThat(best.metrics()).isEqualTo(alone);
    }

    @Test
    void robustnessLooksOneStepAroundTheBest() {
        SweepReport report = sweep(List.of(new SweepParameter("entry.left.params.period", 2, 6, 1),
                new SweepParameter("entry.right.params.period", 8, 20, 4)), "total_return");

        SweepReport.Variant best = report.ranked().getFirst();
        assertThat(report.robustness().neighbours()).hasSizeBetween(2, 4).allSatisfy(neighbour -> {
            double fastSteps = Math.abs(neighbour.parameters().get("entry.left.params.period")
                    - best.parameters().get("entry.left.params.period"));
            double slowSteps = Math.abs(neighbour.parameters().get("entry.right.params.period")
                    - best.parameters().get("entry.right.params.period")) / 4;
            assertThat(fastSteps + slowSteps).as("grid steps from the best").isEqualTo(1.0);
        });
        assertThat(report.robustness().best()).isEqualTo(best.metrics().totalReturn());
        double[] neighbourReturns = report.robustness().neighbours().stream()
                .mapToDouble(v -> v.metrics().totalReturn()).toArray();
        assertThat(report.robustness().neighbourMean())
                .isCloseTo(java.util.Arrays.stream(neighbourReturns).average().orElseThrow(), within(1e-12));
        assertThat(report.robustness().neighbourWorst())
                .isEqualTo(java.util.Arrays.stream(neighbourReturns).min().orElseThrow());
    }

    @Test
    void combinationsThatMakeAnInvalidStrategyAreCountedNotRun() {
        StrategyDefinition macd = StrategyText.parse("entry: MACD(12, 26).histogram > 0\nmax_bars: 5");

        SweepReport report = ParameterSweep.run(new IndicatorCache(wave), macd,
                List.of(new SweepParameter("entry.left.params.fast", 10, 40, 10)), "sharpe", 10, 0,
                wave.size() - 1, 10_000, FillTiming.NEXT_OPEN, POOL);

        assertThat(report.variants()).isEqualTo(4);
        assertThat(report.invalidVariants()).isEqualTo(2);
    }

    @Test
    void aPathThatIsNotInTheStrategyIsRefused() {
        assertThatThrownBy(() -> sweep(List.of(new SweepParameter("entry.middle.params.period", 2, 6, 1)), "sharpe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist in the strategy");
        assertThatThrownBy(() -> sweep(List.of(new SweepParameter("entry.left.params.period", 2, 6, 1)), "luck"))
                .hasMessageContaining("unknown metric 'luck'");
    }

    private SweepReport sweep(List<SweepParameter> parameters, String metric) {
        return ParameterSweep.run(new IndicatorCache(wave), CROSS, parameters, metric, 5, 0, wave.size() - 1,
                10_000, FillTiming.NEXT_OPEN, POOL);
    }
}
