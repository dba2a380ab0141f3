package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Stage 3 succeeded: the hits are stored by the worker.
 *
 * @param lexiconVersion  the version of the trading lexicon that was matched
 * @param hitsByCategory  number of hits per category
 */
public record KeywordsDetected(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion,
                               int attempt, String lexiconVersion, int hits, int distinctKeywords,
                               Map<String, Integer> hitsByCategory) implements StageOutcome {

    public KeywordsDetected {
        hitsByCategory = hitsByCategory == null ? Map.of() : Map.copyOf(hitsByCategory);
    }

    public static KeywordsDetected of(DetectKeywords command, String lexiconVersion, int hits, int distinctKeywords,
                                      Map<String, Integer> hitsByCategory) {
        return new KeywordsDetected(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(),
                SCHEMA_VERSION, command.attempt(), lexiconVersion, hits, distinctKeywords, hitsByCategory);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.DETECT_KEYWORDS;
    }

    @Override
    public String summary() {
        return hits + " keyword hits, " + distinctKeywords + " distinct terms (lexicon " + lexiconVersion + ")";
    }
}
