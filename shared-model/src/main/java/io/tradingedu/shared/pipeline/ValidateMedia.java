package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/** Stage 1 command: probe the stored file and decide whether the pipeline can process it. */
public record ValidateMedia(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                            int attempt, String mediaPath) implements StageCommand {

    public static ValidateMedia of(UUID runId, UUID mediaId, int attempt, String mediaPath) {
        return new ValidateMedia(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt, mediaPath);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.VALIDATE;
    }
}
