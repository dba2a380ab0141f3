package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.BacktestEngine;
import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.ParameterSweep;
import io.tradingedu.backtesting.engine.SweepParameter;
import io.tradingedu.backtesting.engine.SweepReport;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.OpenParameter;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.pipeline.StrategiesBacktested.Tuning;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategySyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Component;

/**
 * Chooses the variant of a strategy that is judged out of sample: the open parameters are swept over the in-sample
 * bars only and the variant with the best Sharpe ratio wins. Every variant that ran is counted, with the mean and
 * variance of the in-sample Sharpe ratios (an undefined one as 0), so stage 10 can deflate the winner's luck. A
 * strategy without open parameters is one trial: its own in-sample Sharpe ratio (0 when undefined).
 */
@Component
class StrategyTuner {

    private final ForkJoinPool sweepPool;
    private final PipelineBacktestProperties properties;

    StrategyTuner(ForkJoinPool sweepPool, PipelineBacktestProperties properties) {
        this.sweepPool = sweepPool;
        this.properties = properties;
    }

    /**
     * @param inFrom first in-sample bar; {@code inTo} the last
     * @throws InvalidStrategyException when the strategy itself cannot run on the data
     */
    Tuned tune(DatasetRef dataset, IndicatorCache data, int inFrom, int inTo, double capital,
               StrategyDefinition base, List<OpenParameter> open) {
        List<String> notes = new ArrayList<>();
        if (!open.isEmpty()) {
            List<OpenParameter> swept = withinBound(open, notes);
            try {
                Tuned tuned = sweep(dataset, data, inFrom, inTo, capital, base, swept, notes);
                if (tuned != null) {
                    return tuned;
                }
                notes.add("every variant made an invalid strategy; the generated values are tested");
            } catch (IllegalArgumentException | InvalidStrategyException | StrategySyntaxException e) {
                notes.add("open parameters not tuned (" + e.getMessage() + "); the generated values are tested");
            }
        }
        Double sharpe = BacktestEngine.run(data, base, inFrom, inTo, capital, FillTiming.NEXT_OPEN, TestPlan.SINGLE)
                .periods().getFirst().metrics().sharpe();
        return new Tuned(base, new Tuning(dataset, List.of(), 1, 0, Map.of(), 1, sharpe == null ? 0.0 : sharpe, 0.0,
                perYear(data, inFrom, inTo), notes));
    }

    /**
     * Every variant that ran is a trial, also one whose Sharpe ratio is undefined (it never traded, or its returns did
     * not vary): it counts with Sharpe 0, what a search that found nothing scores, so that neither N nor the spread
     * of the trials shrinks when variants fail to trade. Null when no variant could run at all.
     */
    private Tuned sweep(DatasetRef dataset, IndicatorCache data, int inFrom, int inTo, double capital,
                        StrategyDefinition base, List<OpenParameter> swept, List<String> notes) {
        List<SweepParameter> parameters = swept.stream()
                .map(p -> new SweepParameter(String.join(",", p.paths()), p.from(), p.to(), p.step())).toList();
        int variants = parameters.stream().mapToInt(SweepParameter::count).reduce(1, (a, b) -> a * b);
        SweepReport report = ParameterSweep.run(data, base, parameters, "sharpe", variants, inFrom, inTo, capital,
                FillTiming.NEXT_OPEN, sweepPool);
        if (report.ranked().isEmpty()) {
            return null;
        }
        double[] sharpes = report.ranked().stream().map(v -> v.metrics().sharpe())
                .mapToDouble(s -> s == null ? 0 : s).toArray();
        long undefined = report.ranked().stream().filter(v -> v.metrics().sharpe() == null).count();
        SweepReport.Variant best = report.ranked().getFirst();
        if (best.metrics().sharpe() == null) {
            notes.add("no variant had an in-sample Sharpe ratio (none traded); the generated values are tested");
        } else if (undefined > 0) {
            notes.add(undefined + " of " + sharpes.length + " variants had no in-sample Sharpe ratio (no trade) and "
                    + "count as trials with Sharpe 0");
        }
        StrategyDefinition chosen = best.metrics().sharpe() == null ? base : VariantPaths.apply(base, best.parameters());
        double mean = Arrays.stream(sharpes).average().orElseThrow();
        double variance = 0;
        for (double s : sharpes) {
            variance += sharpes.length > 1 ? (s - mean) * (s - mean) / (sharpes.length - 1) : 0;
        }
        return new Tuned(chosen, new Tuning(dataset, swept, report.variants(), report.invalidVariants(),
                chosen == base ? Map.of() : best.parameters(), sharpes.length, mean, variance,
                perYear(data, inFrom, inTo), notes));
    }

    /** Bars per year of the in-sample part, as the engine annualises: its returns over its calendar span. */
    private static Double perYear(IndicatorCache data, int inFrom, int inTo) {
        double years = Duration.between(data.series().time(inFrom), data.series().time(inTo)).toSeconds()
                / (365.25 * 86_400);
        return years > 0 ? (inTo - inFrom) / years : null;
    }

    /** Coarsens the widest parameter's step until the grid holds at most the configured number of variants. */
    private List<OpenParameter> withinBound(List<OpenParameter> open, List<String> notes) {
        List<OpenParameter> swept = new ArrayList<>(open);
        while (swept.stream().mapToLong(OpenParameter::count).reduce(1, (a, b) -> a * b) > properties.maxVariants()) {
            int widest = 0;
            for (int i = 1; i < swept.size(); i++) {
                widest = swept.get(i).count() > swept.get(widest).count() ? i : widest;
            }
            OpenParameter p = swept.get(widest);
            if (p.count() == 1) {
                break;
            }
            swept.set(widest, new OpenParameter(p.paths(), p.from(), p.to(), p.step() * 2, p.reason()));
        }
        for (int i = 0; i < open.size(); i++) {
            if (swept.get(i).step() != open.get(i).step()) {
                notes.add(String.join(",", open.get(i).paths()) + " tried every " + number(swept.get(i).step())
                        + " instead of every " + number(open.get(i).step()) + " to stay within "
                        + properties.maxVariants() + " variants");
            }
        }
        return swept;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The variant to judge and how it was chosen. */
    record Tuned(StrategyDefinition definition, Tuning tuning) {
    }
}
