package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.EquityCurve;
import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.Metrics;
import io.tradingedu.backtesting.engine.MetricsCalculator;
import io.tradingedu.backtesting.engine.PeriodResult;
import io.tradingedu.backtesting.engine.PriceSeries;
import io.tradingedu.backtesting.marketdata.DatasetNotFoundException;
import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.pipeline.RunBacktest;
import io.tradingedu.shared.pipeline.StrategiesBacktested.DatasetResult;
import io.tradingedu.shared.pipeline.StrategiesBacktested.PeriodMetrics;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyValidator;
import io.tradingedu.shared.strategy.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stage 9's work for one strategy: tune its open parameters on the in-sample bars of the first usable dataset, then
 * backtest the chosen variant on every usable dataset with the plan. What is judged out of sample never took part in
 * the choice: with a split plan the out-of-sample part; with a walk-forward plan the windows after the first one,
 * which is the in-sample part (it serves as indicator history for the windows). A single-period plan has no
 * out-of-sample part; its one period is tuned and tested on the same bars, and the outcome says so.
 */
@Component
class PipelineBacktester {

    private final JobRunner runner;
    private final BacktestService backtests;
    private final StrategyTuner tuner;

    PipelineBacktester(JobRunner runner, BacktestService backtests, StrategyTuner tuner) {
        this.runner = runner;
        this.backtests = backtests;
        this.tuner = tuner;
    }

    /** The plan's datasets that are loaded and hold enough bars; each one left out is a note. */
    List<UsableDataset> usable(BacktestPlan plan, List<String> notes) {
        List<UsableDataset> usable = new ArrayList<>();
        for (DatasetRef dataset : plan.datasets()) {
            try {
                JobRunner.Prepared prepared = runner.prepare(job(plan, dataset, null, dataset.from()));
                usable.add(new UsableDataset(dataset, prepared, inSampleEnd(plan.testPlan(), prepared)));
            } catch (DatasetNotFoundException e) {
                notes.add("dataset " + name(dataset) + " is not loaded in the backtesting service");
            } catch (IllegalArgumentException e) {
                notes.add("dataset " + name(dataset) + " cannot be used: " + e.getMessage());
            }
        }
        return usable;
    }

    StrategyResult test(RunBacktest command, RunBacktest.StrategyToTest strategy, List<UsableDataset> datasets,
                        List<BacktestService.CompletedBacktest> completed) {
        String name = strategy.definition().name();
        List<Violation> violations = StrategyValidator.validate(strategy.definition());
        if (!violations.isEmpty()) {
            return new StrategyResult(strategy.key(), name, violations, List.of());
        }
        BacktestPlan plan = command.plan();
        UsableDataset primary = datasets.getFirst();
        StrategyTuner.Tuned tuned;
        try {
            tuned = tuner.tune(primary.ref(), primary.prepared().dataset(), primary.prepared().from(),
                    primary.inSampleEnd(), plan.initialCapital(), strategy.definition(), strategy.tuning());
        } catch (InvalidStrategyException e) {
            return new StrategyResult(strategy.key(), name, e.violations(), List.of());
        }
        List<String> notes = new ArrayList<>();
        if (plan.testPlan() instanceof TestPlan.SinglePeriod) {
            notes.add("the plan has no out-of-sample part: the full period was used to choose and to test");
        }
        List<DatasetResult> results = new ArrayList<>();
        for (UsableDataset dataset : datasets) {
            Instant start = plan.testPlan() instanceof TestPlan.WalkForward
                    ? dataset.prepared().dataset().series().time(dataset.inSampleEnd() + 1) : dataset.ref().from();
            try {
                BacktestService.CompletedBacktest backtest = backtests.runForPipeline(
                        job(plan, dataset.ref(), tuned.definition(), start), command.runId());
                completed.add(backtest);
                PriceSeries series = dataset.prepared().dataset().series();
                results.add(new DatasetResult(dataset.ref(), backtest.backtest().id(), backtest.report().periods()
                        .stream().map(p -> periodMetrics(p, series)).toList()));
            } catch (IllegalArgumentException e) {
                notes.add(name(dataset.ref()) + ": " + e.getMessage());
            } catch (InvalidStrategyException e) {
                notes.add(name(dataset.ref()) + ": " + e.violations().getFirst());
            }
        }
        return new StrategyResult(strategy.key(), name, List.of(), results, tuned.tuning(), tuned.definition(), notes);
    }

    private static BacktestJob job(BacktestPlan plan, DatasetRef dataset, StrategyDefinition strategy,
                                   Instant start) {
        return new BacktestJob(null, strategy, dataset.symbol(), dataset.timeframe() == null ? "1d"
                : dataset.timeframe(), start, dataset.to(), plan.initialCapital(), FillTiming.NEXT_OPEN,
                plan.testPlan(), null, null, null);
    }

    /**
     * Last in-sample bar: the end of a split's first part (as the engine cuts it) or of the first walk-forward window;
     * the last bar for a single period.
     */
    private static int inSampleEnd(TestPlan plan, JobRunner.Prepared prepared) {
        int from = prepared.from();
        int to = prepared.to();
        return switch (plan) {
            case TestPlan.SinglePeriod single -> to;
            case TestPlan.InSampleOutOfSample split -> {
                int cut = from + (int) Math.round((to - from + 1) * split.inSampleFraction()) - 1;
                if (cut - from + 1 < 2 || to - cut < 2) {
                    throw new IllegalArgumentException("its " + (to - from + 1) + " bars make an in-sample or "
                            + "out-of-sample part of fewer than 2 bars");
                }
                yield cut;
            }
            case TestPlan.WalkForward walk -> {
                if (from + 2L * walk.windowBars() - 1 > to) {
                    throw new IllegalArgumentException("its " + (to - from + 1) + " bars hold fewer than two "
                            + "walk-forward windows of " + walk.windowBars() + " bars (the first one is in-sample)");
                }
                yield from + walk.windowBars() - 1;
            }
        };
    }

    /** The engine's named metrics (with the return statistics stage 10 needs) and the Sharpe ratio of holding. */
    private static PeriodMetrics periodMetrics(PeriodResult period, PriceSeries series) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (String metric : Metrics.NAMES) {
            Double value = period.metrics().byName(metric);
            if (value != null) {
                named.put(metric, value);
            }
        }
        Double holding = buyAndHoldSharpe(series, series.indexAtOrAfter(period.from()),
                series.indexAtOrAfter(period.to()));
        if (holding != null) {
            named.put("buy_and_hold_sharpe", holding);
        }
        return new PeriodMetrics(period.label(), period.from(), period.to(), named);
    }

    /**
     * The Sharpe ratio of holding the series from bar {@code from} to bar {@code to}: the closes taken as an equity
     * curve and measured by the same calculator as every strategy, so the two are compared like for like.
     */
    static Double buyAndHoldSharpe(PriceSeries series, int from, int to) {
        int n = to - from + 1;
        if (n < 2) {
            return null;
        }
        Instant[] times = new Instant[n];
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = series.time(from + i);
            closes[i] = series.close(from + i);
        }
        EquityCurve holding = new EquityCurve(times, closes, new boolean[n]);
        return MetricsCalculator.compute(holding, List.of(), closes[0], closes[n - 1]).sharpe();
    }

    static String name(DatasetRef dataset) {
        return dataset.symbol() + " " + (dataset.timeframe() == null ? "1d" : dataset.timeframe());
    }

    /** A loaded dataset with its bar range and where its in-sample part ends. */
    record UsableDataset(DatasetRef ref, JobRunner.Prepared prepared, int inSampleEnd) {
    }
}
