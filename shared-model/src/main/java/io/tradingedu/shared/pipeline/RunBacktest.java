package io.tradingedu.shared.pipeline;

import io.tradingedu.shared.backtest.BacktestPlan;
import io.tradingedu.shared.backtest.OpenParameter;
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

    /**
     * @param key    the orchestrator's name for the strategy, echoed in the result
     * @param tuning the parameters the lesson left open: tuned on the in-sample part only, then judged out of sample;
     *               empty when the strategy is tested as it is
     */
    public record StrategyToTest(String key, StrategyDefinition definition, List<OpenParameter> tuning) {

        public StrategyToTest {
            tuning = tuning == null ? List.of() : List.copyOf(tuning);
        }

        public StrategyToTest(String key, StrategyDefinition definition) {
            this(key, definition, List.of());
        }
    }
}
