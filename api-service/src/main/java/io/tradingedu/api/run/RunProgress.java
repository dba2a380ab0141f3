package io.tradingedu.api.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pipeline run as api-service shows it, read from the orchestrator's published view. */
public record RunProgress(UUID id, String status, String currentStage, String failureReason, Instant createdAt,
                          Instant finishedAt, List<Stage> stages) {

    public record Stage(int number, String stage, String status, int attempt, Instant startedAt, Instant finishedAt,
                        Long durationMs, String error, String summary) {
    }

    /** A run the orchestrator has not picked up yet. */
    public static RunProgress pending(UUID runId) {
        return new RunProgress(runId, "pending", null, null, null, null, List.of());
    }
}
