package io.tradingedu.api.dashboard;

import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatusChanged;
import io.tradingedu.shared.pipeline.StageCompleted;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What a dashboard is told of a run event: enough to update a row and its stage bar without reading the item
 * again. Names and values as the REST API shows runs (lower-case status, the stage's slug and number).
 *
 * @param kind    {@code status} (the run's status or current stage changed) or {@code stage-completed}
 * @param status  the run's status after a {@code status} event; {@code null} for {@code stage-completed}
 * @param stage   the stage now running, that failed, or that completed; {@code null} when none applies
 * @param reason  why the run failed or was cancelled
 * @param summary what a completed stage found, in words
 */
record RunEventView(String kind, UUID eventId, UUID mediaId, UUID runId, String status, String stage,
                    Integer stageNumber, String reason, String summary, Instant occurredAt) {

    /** The run events a dashboard shows; other messages on the topic (none today) are not its business. */
    static Optional<RunEventView> of(PipelineMessage message) {
        return switch (message) {
            case RunStatusChanged changed -> Optional.of(new RunEventView("status", changed.eventId(),
                    changed.mediaId(), changed.runId(), changed.status().name().toLowerCase(Locale.ROOT),
                    slug(changed.stage()), number(changed.stage()), changed.reason(),
                    null, changed.occurredAt()));
            case StageCompleted completed -> Optional.of(new RunEventView("stage-completed", completed.eventId(),
                    completed.mediaId(), completed.runId(), null, slug(completed.stage()), number(completed.stage()), null, completed.summary(), completed.occurredAt()));
            default -> Optional.empty();
        };
    }

    private static String slug(PipelineStage stage) {
        return stage == null ? null : stage.slug();
    }

    private static Integer number(PipelineStage stage) {
        return stage == null ? null : stage.number();
    }
}
