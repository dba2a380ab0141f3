package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/** Stage 1 succeeded: the file is a complete, decodable video within the configured limits. */
public record MediaValidated(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                             int attempt, MediaProbe probe, String summary) implements StageOutcome {

    public static MediaValidated of(ValidateMedia command, MediaProbe probe, String summary) {
        return new MediaValidated(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(),
                SCHEMA_VERSION, command.attempt(), probe, summary);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.VALIDATE;
    }
}
