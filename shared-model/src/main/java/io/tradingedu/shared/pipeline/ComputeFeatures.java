package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * Stage 7 command: compute the media item's features from what stages 2–6 stored.
 *
 * @param topicSpread stage 6's topic spread of the item's transcript passages ({@link MediaEmbedded#topicSpread()}),
 *                    or null when stage 6 did not run in this run or could not measure it
 */
public record ComputeFeatures(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                              Double topicSpread)
        implements StageCommand {

    public static ComputeFeatures of(UUID runId, UUID mediaId, int attempt) {
        return of(runId, mediaId, attempt, null);
    }

    public static ComputeFeatures of(UUID runId, UUID mediaId, int attempt, Double topicSpread) {
        return new ComputeFeatures(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt,
                topicSpread);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.FEATURES;
    }
}
