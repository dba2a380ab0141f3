package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stage 5 succeeded: the concepts with their evidence are stored by the worker.
 *
 * @param conceptsByKind number of concepts per kind (indicator, condition, risk_rule, chart_pattern, timeframe, …)
 */
public record ConceptsExtracted(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                                int attempt, int concepts, Map<String, Integer> conceptsByKind) implements StageOutcome {

    public ConceptsExtracted {
        conceptsByKind = conceptsByKind == null ? Map.of() : Map.copyOf(conceptsByKind);
    }

    public static ConceptsExtracted of(ExtractConcepts command, int concepts, Map<String, Integer> conceptsByKind) {
        return new ConceptsExtracted(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(),
                SCHEMA_VERSION, command.attempt(), concepts, conceptsByKind);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.EXTRACT_CONCEPTS;
    }

    @Override
    public String summary() {
        return concepts + " concepts " + new TreeMap<>(conceptsByKind);
    }
}
