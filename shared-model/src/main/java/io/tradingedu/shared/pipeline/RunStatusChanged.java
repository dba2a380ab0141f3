package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A run moved to another state or stage.
 *
 * @param stage  the stage now running, or the stage that failed; {@code null} when no stage applies
 * @param reason why the run failed or was cancelled; {@code null} otherwise
 */
public record RunStatusChanged(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                               RunStatus status, PipelineStage stage, String reason) implements PipelineMessage {

    public static RunStatusChanged of(UUID runId, UUID mediaId, RunStatus status, PipelineStage stage, String reason) {
        return new RunStatusChanged(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, status, stage,
                reason);
    }
}
