package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Stage 4 succeeded: the clips and their thumbnails are stored by the worker.
 *
 * @param totalSeconds the clips' summed duration
 * @param notes        why fewer clips than hits (none found, capped, merged)
 */
public record ClipsGenerated(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                             int clips, double totalSeconds, List<String> notes) implements StageOutcome {

    public ClipsGenerated {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static ClipsGenerated of(GenerateClips command, int clips, double totalSeconds, List<String> notes) {
        return new ClipsGenerated(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.attempt(), clips, totalSeconds, notes);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.GENERATE_CLIPS;
    }

    @Override
    public String summary() {
        String text = String.format(Locale.ROOT, "%d clips, %.1f s in total", clips, totalSeconds);
        return notes.isEmpty() ? text : text + " (" + String.join("; ", notes) + ")";
    }
}
