package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/** Stage 4 command: cut highlight clips around the keyword hits. It reads what the earlier stages stored for the media item. */
public record GenerateClips(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                    String mediaPath) implements StageCommand {

    public static GenerateClips of(UUID runId, UUID mediaId, int attempt, String mediaPath) {
        return new GenerateClips(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt, mediaPath);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.GENERATE_CLIPS;
    }
}
