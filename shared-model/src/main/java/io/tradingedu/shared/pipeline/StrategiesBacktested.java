package io.tradingedu.shared.pipeline;

import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.strategy.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stage 9 outcome: per strategy, either why it could not be run or its metrics per dataset and tested period.
 * Metric names are those of the backtesting API ({@code total_return}, {@code sharpe}, {@code max_drawdown}, …).
 */
public record StrategiesBacktested(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                                   int attempt, List<StrategyResult> results) implements StageOutcome {

    public StrategiesBacktested {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public static StrategiesBacktested of(RunBacktest command, List<StrategyResult> results) {
        return new StrategiesBacktested(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(),
                SCHEMA_VERSION, command.attempt(), results);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.BACKTEST;
    }

    @Override
    public String summary() {
        long rejected = results.stream().filter(r -> !r.violations().isEmpty()).count();
        return (results.size() - rejected) + " strategies backtested" + (rejected > 0 ? ", " + rejected + " rejected" : "");
    }

    /** @param violations empty when the strategy was valid and tested */
    public record StrategyResult(String key, String name, List<Violation> violations, List<DatasetResult> datasets) {
        public StrategyResult {
            violations = violations == null ? List.of() : List.copyOf(violations);
            datasets = datasets == null ? List.of() : List.copyOf(datasets);
        }
    }

    /** @param backtestId where the full result (trades, equity) is kept: {@code GET /backtest/{id}} */
    public record DatasetResult(DatasetRef dataset, UUID backtestId, List<PeriodMetrics> periods) {
    }

    public record PeriodMetrics(String label, Instant from, Instant to, Map<String, Double> metrics) {
    }
}
