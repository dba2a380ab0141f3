package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/** Stage 3 command: find the trading terms of the lexicon in the transcript and the frames' text. It reads what the earlier stages stored for the media item. */
public record DetectKeywords(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                    String mediaPath) implements StageCommand {

    public static DetectKeywords of(UUID runId, UUID mediaId, int attempt, String mediaPath) {
        return new DetectKeywords(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt, mediaPath);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.DETECT_KEYWORDS;
    }
}
