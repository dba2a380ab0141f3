package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stage 8 succeeded: the candidate strategies are stored by the worker; none, with the reason in {@code notes}, when the lesson teaches nothing tradable.
 *
 * @param source {@code rules} or {@code llm}: what wrote the candidates
 * @param keys   the stored candidates' keys, in the order stage 9 tests them */
public record StrategiesGenerated(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                     String source, List<String> keys, List<String> notes) implements StageOutcome {

    public StrategiesGenerated {
        keys = keys == null ? List.of() : List.copyOf(keys);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static StrategiesGenerated of(GenerateStrategies command, String source, List<String> keys, List<String> notes) {
        return new StrategiesGenerated(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.attempt(), source, keys, notes);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.STRATEGY_GENERATION;
    }

    @Override
    public String summary() {
        String text = keys.isEmpty() ? "no strategy" : keys.size() + " candidate strateg" + (keys.size() == 1 ? "y" : "ies") + " (" + source + ")";
        return notes.isEmpty() ? text : text + ": " + String.join("; ", notes);
    }
}
