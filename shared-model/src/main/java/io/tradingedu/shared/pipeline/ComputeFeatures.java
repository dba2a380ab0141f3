package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/** Stage 7 command: compute the media item's features from what stages 2–6 stored. */
public record ComputeFeatures(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt)
        implements StageCommand {

    public static ComputeFeatures of(UUID runId, UUID mediaId, int attempt) {
        return new ComputeFeatures(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.FEATURES;
    }
}
