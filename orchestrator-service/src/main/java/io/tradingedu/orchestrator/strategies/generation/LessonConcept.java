package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.concepts.Concept;
import java.util.UUID;

/**
 * A stage 5 concept as stage 8 reads it: from {@code analysis.concept} (with its row id and media item) or straight
 * from the extractor for free text (both null).
 */
record LessonConcept(UUID id, UUID mediaId, Concept concept) {

    String kind() {
        return concept.kind();
    }

    /** entry, exit, filter or null, for conditions and levels. */
    String role() {
        return concept.details().get("role") instanceof String role ? role : null;
    }
}
