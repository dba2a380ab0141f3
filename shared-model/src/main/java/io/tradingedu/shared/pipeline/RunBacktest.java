package io.tradingedu.shared.pipeline;

import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.strategy.StrategyDefinition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stage 9 command: backtest each strategy generated from the video on every dataset of the plan. */
public record RunBacktest(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                          List<StrategyToTest> strategies, BacktestPlan plan) implements StageCommand {

    public RunBacktest {
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }

    public static RunBacktest of(UUID runId, UUID mediaId, int attempt, List<StrategyToTest> strategies,
                                 BacktestPlan plan) {
        return new RunBacktest(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt, strategies,
                plan);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.BACKTEST;
    }

    /** @param key the orchestrator's name for the strategy, echoed in the result */
    public record StrategyToTest(String key, StrategyDefinition definition) {
    }
}
