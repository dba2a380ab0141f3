package io.tradingedu.orchestrator.strategies.generation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingedu.shared.strategy.StrategyDefinition;
import java.util.List;
import java.util.UUID;

/**
 * A generated strategy with what it rests on.
 *
 * @param source   {@code rules} or {@code llm}
 * @param text     the compact text of {@code definition}
 * @param assumed  what the lesson left unstated and was filled in
 * @param evidence the concepts it was built from
 * @param tuning   parameters the lesson left open, for stage 9's in-sample sweep
 */
record Candidate(String name, String source, StrategyDefinition definition, String text, List<Assumed> assumed,
                 List<Evidence> evidence, List<Tuning> tuning) {

    Candidate {
        assumed = List.copyOf(assumed);
        evidence = List.copyOf(evidence);
        tuning = List.copyOf(tuning);
    }

    Candidate withEvidence(List<Evidence> linked) {
        return new Candidate(name, source, definition, text, assumed, linked, tuning);
    }

    /** A field the lesson did not state, the value used and why. */
    record Assumed(String field, String value, String reason) {
    }

    /**
     * One concept a candidate was built from, with the clips that show it (analysis.clip rows overlapping its time).
     * Times are null for free text.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Evidence(@JsonProperty("concept_id") UUID conceptId, @JsonProperty("media_id") UUID mediaId, String kind,
                    @JsonProperty("text_form") String textForm, String quote,
                    @JsonProperty("start_seconds") Double startSeconds, @JsonProperty("end_seconds") Double endSeconds,
                    @JsonProperty("clip_ids") List<UUID> clipIds) {

        Evidence withClips(List<UUID> clips) {
            return new Evidence(conceptId, mediaId, kind, textForm, quote, startSeconds, endSeconds, clips);
        }
    }

    /**
     * An open parameter: JSON paths into {@code definition} as the backtesting sweep takes them (several paths share
     * one value), and the range to try.
     */
    record Tuning(List<String> paths, double from, double to, double step, String reason) {
    }
}
