package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stage 7 succeeded: the media item's features are stored under {@code featureSetVersion} (docs/features.md).
 *
 * @param features how many features have a value (the rest are null, each explained in {@code notes})
 * @param notes    why features are null: a missing stage output, an undefined ratio, a hint the lesson never states
 */
public record FeaturesComputed(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                     String featureSetVersion, int features, List<String> notes) implements StageOutcome {

    public FeaturesComputed {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static FeaturesComputed of(ComputeFeatures command, String featureSetVersion, int features, List<String> notes) {
        return new FeaturesComputed(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.attempt(), featureSetVersion, features, notes);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.FEATURES;
    }

    @Override
    public String summary() {
        String text = features + " features (" + featureSetVersion + ")";
        return notes.isEmpty() ? text : text + " (" + String.join("; ", notes) + ")";
    }
}
