package io.tradingedu.shared.pipeline;

import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.backtest.OpenParameter;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.Violation;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stage 9 outcome: per strategy, either why it could not be run or its metrics per dataset and tested period.
 * Metric names are those of the backtesting API ({@code total_return}, {@code sharpe}, {@code max_drawdown}, …), all
 * fractions (0.12 = 12 %); each period also carries {@code buy_and_hold_sharpe} over the same bars.
 *
 * @param notes what the stage could not do and why, e.g. a dataset that is not loaded, or "no strategies to backtest"
 */
public record StrategiesBacktested(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                                   int attempt, List<StrategyResult> results, List<String> notes)
        implements StageOutcome {

    public StrategiesBacktested {
        results = results == null ? List.of() : List.copyOf(results);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public StrategiesBacktested(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                                int attempt, List<StrategyResult> results) {
        this(eventId, runId, mediaId, occurredAt, schemaVersion, attempt, results, List.of());
    }

    public static StrategiesBacktested of(RunBacktest command, List<StrategyResult> results) {
        return of(command, results, List.of());
    }

    public static StrategiesBacktested of(RunBacktest command, List<StrategyResult> results, List<String> notes) {
        return new StrategiesBacktested(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(),
                SCHEMA_VERSION, command.attempt(), results, notes);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.BACKTEST;
    }

    @Override
    public String summary() {
        long rejected = results.stream().filter(r -> !r.violations().isEmpty()).count();
        String text = (results.size() - rejected) + " strategies backtested"
                + (rejected > 0 ? ", " + rejected + " rejected" : "");
        return notes.isEmpty() ? text : text + ": " + String.join("; ", notes);
    }

    /**
     * @param violations       empty when the strategy was valid and tested
     * @param tuning           how its open parameters were chosen; null for a strategy that could not be run
     * @param testedDefinition the variant whose results {@code datasets} holds (the definition with the tuned
     *                         parameters); null for a strategy that could not be run
     * @param notes            datasets it could not be tested on and why, tuning that was reduced or skipped
     */
    public record StrategyResult(String key, String name, List<Violation> violations, List<DatasetResult> datasets,
                                 Tuning tuning, StrategyDefinition testedDefinition, List<String> notes) {
        public StrategyResult {
            violations = violations == null ? List.of() : List.copyOf(violations);
            datasets = datasets == null ? List.of() : List.copyOf(datasets);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public StrategyResult(String key, String name, List<Violation> violations, List<DatasetResult> datasets) {
            this(key, name, violations, datasets, null, null, List.of());
        }
    }

    /**
     * How the strategy's variant was chosen: every variant tried on the in-sample part of the tuning dataset, ranked by
     * Sharpe ratio. What stage 10 needs to correct for multiple testing is here: the number of trials and the mean
     * and variance of their (annualised) in-sample Sharpe ratios. A strategy without open parameters is one trial.
     *
     * @param dataset         the dataset tuned on (the first of the plan that could be tested)
     * @param parameters      the open parameters as swept (a step may be coarser than asked, to stay within the
     *                        variant bound; {@code notes} says so)
     * @param variants        parameter combinations tried
     * @param invalidVariants combinations skipped because they made an invalid strategy
     * @param chosen          the chosen value per parameter (keyed by its comma-joined paths); empty without tuning
     * @param trials          variants that ran (tried − invalid; at least 1): the N of the correction; a variant
     *                        without a defined in-sample Sharpe ratio counts with Sharpe 0
     * @param sharpeMean      mean in-sample Sharpe ratio (annualised) over the trials, an undefined one counted as 0
     * @param sharpeVariance  sample variance of those Sharpe ratios (annualised²); 0 for one trial
     * @param periodsPerYear  bars per year of the in-sample part, to turn annualised Sharpe ratios into per-bar ones
     */
    public record Tuning(DatasetRef dataset, List<OpenParameter> parameters, int variants, int invalidVariants,
                         Map<String, Double> chosen, int trials, Double sharpeMean, Double sharpeVariance,
                         Double periodsPerYear, List<String> notes) {
        public Tuning {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
            chosen = chosen == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(chosen));
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** @param backtestId where the full result (trades, equity) is kept: {@code GET /backtest/{id}} */
    public record DatasetResult(DatasetRef dataset, UUID backtestId, List<PeriodMetrics> periods) {
    }

    public record PeriodMetrics(String label, Instant from, Instant to, Map<String, Double> metrics) {
    }
}
