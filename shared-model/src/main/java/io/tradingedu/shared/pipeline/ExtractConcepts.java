package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/** Stage 5 command: extract the trading concepts stated in the transcript and on screen. It reads what the earlier stages stored for the media item. */
public record ExtractConcepts(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                    String mediaPath) implements StageCommand {

    public static ExtractConcepts of(UUID runId, UUID mediaId, int attempt, String mediaPath) {
        return new ExtractConcepts(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt, mediaPath);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.EXTRACT_CONCEPTS;
    }
}
