package io.tradingedu.orchestrator.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A run as the REST API shows it, with per-stage status, attempts, durations and errors. */
record RunView(UUID id, UUID mediaId, String status, String currentStage, String failureReason, Instant createdAt,
               Instant finishedAt, List<StageView> stages) {

    record StageView(int number, String stage, String status, int attempt, Instant startedAt, Instant finishedAt,
                     Long durationMs, Instant nextAttemptAt, String error, String summary, String progress) {
    }

    static RunView of(PipelineRun run) {
        return new RunView(run.getId(), run.getMediaId(), run.getStatus().name().toLowerCase(),
                run.getCurrentStage() == null ? null : run.getCurrentStage().slug(), run.getFailureReason(),
                run.getCreatedAt(), run.getFinishedAt(),
                run.getStages().stream().map(s -> new StageView(s.getStage().number(), s.getStage().slug(),
                        s.getStatus().name().toLowerCase(), s.getAttempt(), s.getStartedAt(), s.getFinishedAt(),
                        s.duration() == null ? null : s.duration().toMillis(), s.getNextAttemptAt(),
                        s.getErrorReason(), s.getSummary(), s.getProgress())).toList());
    }
}
