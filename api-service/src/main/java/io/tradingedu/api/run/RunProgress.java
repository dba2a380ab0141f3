package io.tradingedu.api.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pipeline run as api-service shows it, read from the orchestrator's published view. */
public record RunProgress(UUID id, String status, String currentStage, String failureReason, Instant createdAt,
                          Instant finishedAt, List<Stage> stages) {

    /**
     * @param progress how far a long stage got, as its worker last reported it (e.g. {@code transcribing 40%});
     *                 {@code null} when the worker reported nothing
     */
    public record Stage(int number, String stage, String status, int attempt, Instant startedAt, Instant finishedAt,
                        Long durationMs, String error, String summary, String progress) {
    }

    /** A run the orchestrator has not picked up yet. */
    public static RunProgress pending(UUID runId) {
        return new RunProgress(runId, "pending", null, null, null, null, List.of());
    }

    /** Where the run is, in words for a person: "the item's run is at stage process-video (running: 40%)". */
    public String describe() {
        if (stages.isEmpty()) {
            return "the item's run has not started yet";
        }
        return switch (status) {
            case "failed" -> "the item's run failed" + (currentStage == null ? "" : " at stage " + currentStage)
                    + (failureReason == null ? "" : ": " + failureReason);
            case "cancelled" -> "the item's run was cancelled";
            case "completed" -> "the item's run completed without producing it";
            default -> currentStage == null ? "the item's run is " + status
                    : "the item's run is at stage " + currentStage + stageState(currentStage);
        };
    }

    private String stageState(String slug) {
        return stages.stream().filter(s -> s.stage().equals(slug)).findFirst()
                .map(s -> " (" + s.status() + (s.progress() == null ? "" : ": " + s.progress()) + ")")
                .orElse("");
    }
}
