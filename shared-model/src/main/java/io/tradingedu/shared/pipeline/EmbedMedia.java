package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * Stage 6 command: index what stages 2–5 stored for the media item (transcript passages, frames, clips) for semantic
 * and full-text search. A re-run replaces the item's vectors.
 */
public record EmbedMedia(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt)
        implements StageCommand {

    public static EmbedMedia of(UUID runId, UUID mediaId, int attempt) {
        return new EmbedMedia(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.EMBEDDINGS;
    }
}
