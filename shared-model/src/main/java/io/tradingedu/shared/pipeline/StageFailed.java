package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A stage attempt failed.
 *
 * @param reason    readable by the user who submitted the video, e.g. "file is truncated"
 * @param retryable {@code true} for transient trouble (a tool or service unavailable) worth another attempt;
 *                  {@code false} when the input itself is the problem and retrying cannot help
 */
public record StageFailed(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                          PipelineStage stage, int attempt, String reason, boolean retryable) implements StageOutcome {

    public static StageFailed of(StageCommand command, String reason, boolean retryable) {
        return new StageFailed(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.stage(), command.attempt(), reason, retryable);
    }

    @Override
    public String summary() {
        return reason;
    }
}
