package io.tradingedu.orchestrator.strategies.backtest;

import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.Costs;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The test plan of stage 9, the same for every candidate of a run.
 *
 * @param datasets         {@code SYMBOL:timeframe} as loaded in the backtesting service ({@code deploy/local/stack.sh
 *                         fetch-data} loads SPX:1d, AAPL:1d and BTCUSD:1h); the first one that is loaded is the one
 *                         open parameters are tuned on and the main one stage 10 judges
 * @param mode             {@code split} (in-sample, then out-of-sample) or {@code walk-forward} (the first window is
 *                         in-sample, the windows after it are judged)
 * @param inSampleFraction share of the bars in sample, for {@code split}
 * @param windowBars       walk-forward window length in bars
 * @param stepBars         bars between walk-forward window starts; at least {@code windowBars} in walk-forward mode,
 *                         so that the judged windows do not overlap and no out-of-sample return counts twice
 * @param initialCapital   each tested period starts from this
 * @param commissionBps    commission applied to candidates that state no costs
 * @param slippageBps      slippage applied to candidates that state no costs
 */
@ConfigurationProperties("strategies.backtest")
public record BacktestPlanProperties(
        @DefaultValue("SPX:1d") List<String> datasets,
        @DefaultValue("split") String mode,
        @DefaultValue("0.7") double inSampleFraction,
        @DefaultValue("252") int windowBars,
        @DefaultValue("252") int stepBars,
        @DefaultValue("10000") double initialCapital,
        @DefaultValue("5") double commissionBps,
        @DefaultValue("2") double slippageBps) {

    public BacktestPlanProperties {
        datasets = datasets == null ? List.of() : datasets.stream().map(String::trim).filter(d -> !d.isEmpty())
                .toList();
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("strategies.backtest.datasets must name at least one SYMBOL:timeframe");
        }
        datasets.forEach(BacktestPlanProperties::dataset);
        mode = mode == null ? "split" : mode.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("split") && !mode.equals("walk-forward")) {
            throw new IllegalArgumentException("strategies.backtest.mode must be split or walk-forward, was " + mode);
        }
        if (!(initialCapital > 0) || commissionBps < 0 || slippageBps < 0) {
            throw new IllegalArgumentException("strategies.backtest.initial-capital must be positive and the costs "
                    + "0 or more");
        }
        if (mode.equals("walk-forward") && stepBars < windowBars) {
            throw new IllegalArgumentException("strategies.backtest.step-bars (" + stepBars + ") must be at least "
                    + "window-bars (" + windowBars + ") in walk-forward mode: overlapping windows would judge the same "
                    + "out-of-sample returns more than once");
        }
        testPlan(mode, inSampleFraction, windowBars, stepBars);
    }

    BacktestPlan plan() {
        return new BacktestPlan(datasets.stream().map(BacktestPlanProperties::dataset).toList(), initialCapital,
                testPlan(mode, inSampleFraction, windowBars, stepBars));
    }

    Costs costs() {
        return new Costs(commissionBps, slippageBps);
    }

    private static TestPlan testPlan(String mode, double inSampleFraction, int windowBars, int stepBars) {
        return mode.equals("split") ? new TestPlan.InSampleOutOfSample(inSampleFraction)
                : new TestPlan.WalkForward(windowBars, stepBars);
    }

    private static DatasetRef dataset(String text) {
        String[] parts = text.split(":");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("strategies.backtest.datasets: '" + text
                    + "' is not SYMBOL:timeframe, e.g. SPX:1d");
        }
        return new DatasetRef(parts[0].trim().toUpperCase(Locale.ROOT), parts[1].trim(), null, null);
    }
}
