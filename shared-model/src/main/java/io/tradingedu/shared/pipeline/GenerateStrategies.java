package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/** Stage 8 command: turn the media item's concepts into candidate strategies in the strategy language. */
public record GenerateStrategies(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt)
        implements StageCommand {

    public static GenerateStrategies of(UUID runId, UUID mediaId, int attempt) {
        return new GenerateStrategies(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.STRATEGY_GENERATION;
    }
}
