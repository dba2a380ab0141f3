package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyDefinition;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Runs a strategy over a bar range of a series according to a {@link TestPlan}. Stateless and thread-safe. */
public final class BacktestEngine {

    private BacktestEngine() {
    }

    /**
     * @param from first bar index traded; bars before it serve only as indicator history
     * @param to   last bar index traded (inclusive)
     * @throws io.tradingedu.shared.strategy.InvalidStrategyException when the strategy is not valid
     */
    public static BacktestReport run(IndicatorCache cache, StrategyDefinition strategy, int from, int to,
                                     double capital, FillTiming fillTiming, TestPlan plan) {
        return run(cache, strategy, from, to, capital, fillTiming, plan, () -> false);
    }

    /** @param cancelled read before every walk-forward window; once true, the run ends with a {@link CancellationException} */
    public static BacktestReport run(IndicatorCache cache, StrategyDefinition strategy, int from, int to,
                                     double capital, FillTiming fillTiming, TestPlan plan, BooleanSupplier cancelled) {
        CompiledStrategy compiled = CompiledStrategy.compile(strategy, cache);
        PriceSeries bars = cache.series();
        List<PeriodResult> periods = new ArrayList<>();
        switch (plan) {
            case TestPlan.SinglePeriod single -> periods.add(period("full", compiled, bars, from, to, capital, fillTiming));
            case TestPlan.InSampleOutOfSample split -> {
                int cut = from + (int) Math.round((to - from + 1) * split.inSampleFraction()) - 1;
                requireBars(cut - from + 1, "the in-sample part");
                requireBars(to - cut, "the out-of-sample part");
                periods.add(period("in_sample", compiled, bars, from, cut, capital, fillTiming));
                periods.add(period("out_of_sample", compiled, bars, cut + 1, to, capital, fillTiming));
            }
            case TestPlan.WalkForward walk -> {
                int window = 1;
                // long: a window or step near Integer.MAX_VALUE must end the loop, not wrap around
                for (long start = from; start + walk.windowBars() - 1 <= to; start += walk.stepBars()) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("the walk-forward test was cancelled");
                    }
                    periods.add(period("window_" + window++, compiled, bars, (int) start,
                            (int) (start + walk.windowBars() - 1), capital, fillTiming));
                }
                if (periods.isEmpty()) {
                    throw new IllegalArgumentException("the range has " + (to - from + 1)
                            + " bars, fewer than one walk-forward window of " + walk.windowBars());
                }
            }
        }
        return new BacktestReport(bars.symbol(), periods, periods.size() > 1 && plan instanceof TestPlan.WalkForward
                ? summarize(periods) : null);
    }

    /** Runs one period and returns only its metrics: the cheap path for parameter sweeps. */
    static Metrics metricsOnly(CompiledStrategy compiled, PriceSeries bars, int from, int to, double capital,
                               FillTiming fillTiming) {
        SimulationResult result = Simulator.run(bars, compiled, from, to, capital, fillTiming);
        return MetricsCalculator.compute(result.equity(), result.trades(), bars.close(from), bars.close(to));
    }

    private static PeriodResult period(String label, CompiledStrategy compiled, PriceSeries bars, int from, int to,
                                       double capital, FillTiming fillTiming) {
        SimulationResult result = Simulator.run(bars, compiled, from, to, capital, fillTiming);
        Metrics metrics = MetricsCalculator.compute(result.equity(), result.trades(), bars.close(from), bars.close(to));
        return new PeriodResult(label, bars.time(from), bars.time(to), metrics, result.trades(), result.equity());
    }

    private static void requireBars(int count, String what) {
        if (count < 2) {
            throw new IllegalArgumentException(what + " would have " + Math.max(count, 0) + " bars; it needs at least 2");
        }
    }

    private static BacktestReport.WindowSummary summarize(List<PeriodResult> periods) {
        List<Metrics> metrics = periods.stream().map(PeriodResult::metrics).toList();
        DoubleSummaryStatistics returns = metrics.stream().mapToDouble(Metrics::totalReturn).summaryStatistics();
        OptionalDouble meanSharpe = metrics.stream().map(Metrics::sharpe).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).average();
        return new BacktestReport.WindowSummary(
                metrics.size(),
                (int) metrics.stream().filter(m -> m.totalReturn() > 0).count(),
                returns.getAverage(),
                returns.getMin(),
                meanSharpe.isPresent() ? meanSharpe.getAsDouble() : null,
                metrics.stream().mapToDouble(Metrics::maxDrawdown).max().orElseThrow(),
                metrics.stream().mapToInt(Metrics::trades).sum());
    }
}
