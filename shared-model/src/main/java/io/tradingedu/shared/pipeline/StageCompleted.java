package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * The orchestrator accepted a stage's success. Published on the run events topic with the worker's outcome, so that
 * other services learn what a stage found on one road, without listening to every worker's topic.
 */
public record StageCompleted(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                             PipelineStage stage, String summary, StageOutcome outcome) implements PipelineMessage {

    public static StageCompleted of(StageOutcome outcome) {
        return new StageCompleted(UUID.randomUUID(), outcome.runId(), outcome.mediaId(), Instant.now(), SCHEMA_VERSION,
                outcome.stage(), outcome.summary(), outcome);
    }
}
