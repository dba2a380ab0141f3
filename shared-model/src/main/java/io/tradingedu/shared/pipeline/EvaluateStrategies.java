package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * Stage 10 command: judge every candidate strategy of the media item on its stage 9 results and promote those whose
 * evidence holds.
 *
 * @param backtests stage 9's outcome for this run (null when the run has no backtest stage)
 */
public record EvaluateStrategies(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                                 StrategiesBacktested backtests) implements StageCommand {

    public static EvaluateStrategies of(UUID runId, UUID mediaId, int attempt, StrategiesBacktested backtests) {
        return new EvaluateStrategies(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt, backtests);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.EVALUATE_PROMOTE;
    }
}
