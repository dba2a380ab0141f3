package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker is still busy with a stage attempt and says how far it got (e.g. "transcribing 4:10 / 12:00"). The
 * orchestrator shows it in the run and renews the attempt's lease, so long work needs no long lease.
 */
public record StageProgressed(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                              PipelineStage stage, int attempt, String progress) implements PipelineMessage {

    public static StageProgressed of(StageCommand command, String progress) {
        return new StageProgressed(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.stage(), command.attempt(), progress);
    }
}
