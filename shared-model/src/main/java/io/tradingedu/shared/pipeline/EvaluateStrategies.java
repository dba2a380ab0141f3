package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stage 10 command: judge every candidate strategy of the media item on its stage 9 results and promote those whose
 * evidence holds.
 *
 * @param backtests       stage 9's outcome for this run (null when the run has no backtest stage)
 * @param generationNotes stage 8's notes for this run: why it found no strategy, when it found none
 */
public record EvaluateStrategies(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                                 StrategiesBacktested backtests, List<String> generationNotes) implements StageCommand {

    public EvaluateStrategies {
        generationNotes = generationNotes == null ? List.of() : List.copyOf(generationNotes);
    }

    public EvaluateStrategies(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                              int attempt, StrategiesBacktested backtests) {
        this(eventId, runId, mediaId, occurredAt, schemaVersion, attempt, backtests, List.of());
    }

    public static EvaluateStrategies of(UUID runId, UUID mediaId, int attempt, StrategiesBacktested backtests) {
        return of(runId, mediaId, attempt, backtests, List.of());
    }

    public static EvaluateStrategies of(UUID runId, UUID mediaId, int attempt, StrategiesBacktested backtests,
                                        List<String> generationNotes) {
        return new EvaluateStrategies(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt,
                backtests, generationNotes);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.EVALUATE_PROMOTE;
    }
}
