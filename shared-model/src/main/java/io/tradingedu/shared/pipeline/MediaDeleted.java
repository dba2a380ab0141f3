package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A media item and its files were deleted; owners of data derived from it drop theirs.
 *
 * @param runId the item's latest run, or {@code null} if it never had one
 */
public record MediaDeleted(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion)
        implements PipelineMessage {

    public static MediaDeleted of(UUID runId, UUID mediaId) {
        return new MediaDeleted(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION);
    }
}
