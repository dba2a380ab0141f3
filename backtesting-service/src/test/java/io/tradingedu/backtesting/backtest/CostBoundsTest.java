package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.PriceBar;
import io.tradingedu.backtesting.engine.PriceSeries;
import io.tradingedu.backtesting.engine.SweepParameter;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.Costs;
import io.tradingedu.shared.strategy.StrategyText;
import io.tradingedu.support.web.BadFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every request is costed before anything is loaded or run: no market data, repository or pool exists in this test,
 * so a check that came after the work could not pass.
 */
class CostBoundsTest {

    private static final BacktestLimits LIMITS = new BacktestLimits(2_000_000, 1000, 5_000_000, 10, 10_000,
            100_000_000, 1000, 1e12, 100);
    private static final String THRESHOLD = "entry: close > 100\nexit: close < 95";
    private final JobResolver resolver = new JobResolver(null, LIMITS);

    private static OptimizeRequest optimize(List<SweepParameter> parameters, Integer top) {
        return new OptimizeRequest(null, null, THRESHOLD, "SPX", "1d", null, null, null, null, null, parameters,
                null, top);
    }

    private static BacktestRequest backtest(String start, String end, Double capital, Costs costs) {
        return new BacktestRequest(null, null, THRESHOLD, "SPX", "1d", start, end, capital, costs, null, null);
    }

    private static void assertBadField(ThrowingCallable call, String field, String... detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BadFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            for (String part : detail) {
                assertThat(e.reason()).contains(part);
            }
        });
    }

    @Test
    void aHundredThousandValueConstantGridIsRefusedWithTheLimitAndTheAskedAmount() {
        assertBadField(() -> resolver.optimize(optimize(
                List.of(new SweepParameter("entry.right.constant", 1, 100_000, 1)), 10)),
                "parameters", "100000 variants", "the limit is 10000");
    }

    @Test
    void gridsWhoseProductOverflowsALongAreCountedExactly() {
        SweepParameter tiny = new SweepParameter("entry.right.constant", 0, 1, 1e-300);

        assertBadField(() -> resolver.optimize(optimize(List.of(tiny, tiny), 10)), "parameters",
                "85070591730234615847396907784232501249 variants");
    }

    @Test
    void sweepParametersNameTheirWrongField() {
        assertBadField(() -> resolver.optimize(optimize(List.of(new SweepParameter("p", Double.NaN, 1, 1)), 1)),
                "parameters[0].from", "finite");
        assertBadField(() -> resolver.optimize(optimize(List.of(new SweepParameter("p", 1, 2, 1),
                new SweepParameter("q", 0, Double.POSITIVE_INFINITY, 1)), 1)), "parameters[1].to", "finite");
        assertBadField(() -> resolver.optimize(optimize(List.of(new SweepParameter("p", 1, 2, 0)), 1)),
                "parameters[0].step", "positive");
        assertBadField(() -> resolver.optimize(optimize(List.of(new SweepParameter("p", 3, 2, 1)), 1)),
                "parameters[0].to", "at least from");
        assertBadField(() -> resolver.optimize(optimize(List.of(new SweepParameter(" ", 1, 2, 1)), 1)),
                "parameters[0].path", "required");
        assertBadField(() -> resolver.optimize(optimize(List.of(), 1)), "parameters", "at least one");
        assertBadField(() -> resolver.optimize(optimize(IntStream.range(0, 11)
                .mapToObj(i -> new SweepParameter("p" + i, 1, 1, 1)).toList(), 1)), "parameters", "at most 10", "11");
    }

    @Test
    void topIsBounded() {
        List<SweepParameter> one = List.of(new SweepParameter("entry.right.constant", 90, 110, 10));

        assertBadField(() -> resolver.optimize(optimize(one, 5000)), "top", "between 1 and 1000", "5000");
        assertBadField(() -> resolver.optimize(optimize(one, 0)), "top", "between 1 and 1000");
        assertThat(resolver.optimize(optimize(one, 1000)).top()).isEqualTo(1000);
    }

    @Test
    void capitalCostsAndDatesMustBeFiniteAndInRange() {
        assertBadField(() -> resolver.backtest(backtest(null, null, Double.NaN, null)), "initial_capital",
                "at most 1000000000000");
        assertBadField(() -> resolver.backtest(backtest(null, null, Double.POSITIVE_INFINITY, null)),
                "initial_capital");
        assertBadField(() -> resolver.backtest(backtest(null, null, 1e300, null)), "initial_capital");
        assertBadField(() -> resolver.backtest(backtest(null, null, -5.0, null)), "initial_capital");
        assertBadField(() -> resolver.backtest(backtest(null, null, null, new Costs(Double.NaN, 0))),
                "costs.commission_bps", "finite");
        assertBadField(() -> resolver.backtest(backtest(null, null, null, new Costs(0, Double.NaN))),
                "costs.slippage_bps", "finite");
        assertBadField(() -> resolver.backtest(backtest("1899-12-31", null, null, null)), "start",
                "outside the years 1900 to 2200");
        assertBadField(() -> resolver.backtest(backtest(null, "+100000-01-01T00:00:00Z", null, null)), "end",
                "outside the years 1900 to 2200");
        assertBadField(() -> resolver.backtest(backtest("2020-02-30x", null, null, null)), "start", "not a date");
        assertThat(resolver.backtest(backtest("1990-01-01", "2020-12-31", 5e5, new Costs(5, 2))).initialCapital())
                .isEqualTo(5e5);
    }

    private static JobRunner.Prepared prepared(int bars, TestPlan plan, List<SweepParameter> parameters) {
        BacktestJob job = new BacktestJob(null, StrategyText.parse(THRESHOLD), "SPX", "1d", null, null, 10_000,
                FillTiming.NEXT_OPEN, plan, parameters, parameters == null ? null : "sharpe", 10);
        return new JobRunner.Prepared(job, null, 0, bars - 1);
    }

    @Test
    void variantsTimesBarsWindowsAndRangesAreCheckedOnceTheBarsAreKnown() {
        List<SweepParameter> tenThousand = List.of(new SweepParameter("entry.right.constant", 1, 10_000, 1));

        LIMITS.requireAffordable(prepared(10_000, TestPlan.SINGLE, tenThousand));
        assertBadField(() -> LIMITS.requireAffordable(prepared(10_001, TestPlan.SINGLE, tenThousand)), "parameters",
                "10000 variants × 10001 bars = 100010000 simulated bars", "the limit is 100000000");
        assertBadField(() -> LIMITS.requireAffordable(prepared(100_000, new TestPlan.WalkForward(50, 10), null)),
                "plan.step_bars", "9996 walk-forward windows", "the limit is 1000");
        assertBadField(() -> LIMITS.requireAffordable(prepared(1_000_000, new TestPlan.WalkForward(10_000, 1000), null)),
                "plan.window_bars", "991 windows × 10000 bars = 9910000", "the limit is 5000000");
        LIMITS.requireAffordable(prepared(1_000_000, new TestPlan.WalkForward(5_000, 5_000), null));
        assertBadField(() -> LIMITS.requireAffordable(prepared(2_000_001, TestPlan.SINGLE, null)), "start",
                "2000001 bars", "the limit is 2000000");
        assertThat(prepared(Integer.MAX_VALUE, TestPlan.SINGLE, List.of(new SweepParameter("p", 0, 1, 1e-300))).work())
                .as("saturates, never negative").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theRunnerPassesTheCancelFlagToTheEngine() {
        PriceSeries series = PriceSeries.of("T", Duration.ofDays(1), IntStream.range(0, 300)
                .mapToObj(i -> new PriceBar(Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofDays(i)), 100, 101,
                        99, 100 + Math.sin(i / 5.0), 10)).toList());
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            JobRunner runner = new JobRunner(null, pool);
            JobRunner.Prepared sweep = new JobRunner.Prepared(prepared(300, TestPlan.SINGLE,
                    List.of(new SweepParameter("entry.right.constant", 90, 110, 1))).job(), new IndicatorCache(series),
                    0, 299);
            JobRunner.Prepared walk = new JobRunner.Prepared(prepared(300, new TestPlan.WalkForward(50, 50), null).job(),
                    new IndicatorCache(series), 0, 299);

            assertThatThrownBy(() -> runner.run(sweep, () -> true)).isInstanceOf(CancellationException.class);
            assertThatThrownBy(() -> runner.run(walk, () -> true)).isInstanceOf(CancellationException.class);
            assertThat(runner.run(walk, () -> false)).isNotNull();
        } finally {
            pool.shutdown();
        }
    }
}
