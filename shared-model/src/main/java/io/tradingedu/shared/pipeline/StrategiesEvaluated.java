package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stage 10 succeeded: every candidate has a stored decision with its reasons.
 *
 * @param promoted keys of the strategies promoted to proven strategies
 * @param rejected keys of the strategies rejected */
public record StrategiesEvaluated(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                     List<String> promoted, List<String> rejected, List<String> notes) implements StageOutcome {

    public StrategiesEvaluated {
        promoted = promoted == null ? List.of() : List.copyOf(promoted);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static StrategiesEvaluated of(EvaluateStrategies command, List<String> promoted, List<String> rejected, List<String> notes) {
        return new StrategiesEvaluated(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.attempt(), promoted, rejected, notes);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.EVALUATE_PROMOTE;
    }

    @Override
    public String summary() {
        String text = promoted.size() + " promoted, " + rejected.size() + " rejected";
        return notes.isEmpty() ? text : text + ": " + String.join("; ", notes);
    }
}
