package io.tradingedu.orchestrator.strategies.generation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingedu.shared.strategy.StrategyDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A generated strategy with what it rests on.
 *
 * @param source   {@code rules} or {@code llm}
 * @param text     the compact text of {@code definition}
 * @param assumed  what the lesson left unstated and was filled in
 * @param evidence what it was built from: one item per quote (and source) said in the lesson
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

    /**
     * A field the lesson did not state: its path into the strategy JSON ({@code exit.left.params.period},
     * {@code risk.stop_loss}, {@code sizing.fraction_of_equity}), the value used there (JSON; null for a rule left
     * out on purpose, such as no stop) and why.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Assumed(String field, JsonNode value, String reason) {
    }

    /**
     * One quote of the lesson (a sentence said, or a slide's text) and every concept of the candidate it states, with
     * the clips that show it (analysis.clip rows overlapping its time). {@code concept_id} and {@code kind} name the
     * first of them and {@code text_form} all of them ("RSI(14) < 30; stop_loss: 2%"), so a reader of one concept
     * per item still reads it; {@code concepts} lists them one by one. Times are null for free text.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Evidence(@JsonProperty("concept_id") UUID conceptId, @JsonProperty("media_id") UUID mediaId, String kind,
                    @JsonProperty("text_form") String textForm, String quote, String source,
                    @JsonProperty("start_seconds") Double startSeconds, @JsonProperty("end_seconds") Double endSeconds,
                    @JsonProperty("clip_ids") List<UUID> clipIds, List<Supported> concepts) {

        Evidence {
            concepts = List.copyOf(concepts);
        }

        /** The item for one quote: its first concept's place, the concepts it states in the order given. */
        static Evidence of(List<LessonConcept> stating) {
            LessonConcept first = stating.getFirst();
            List<Supported> supported = stating.stream().map(c -> new Supported(c.id(), c.kind(),
                    c.concept().textForm())).distinct().toList();
            boolean timed = first.id() != null;
            return new Evidence(first.id(), first.mediaId(),
                    String.join(", ", new LinkedHashSet<>(supported.stream().map(Supported::kind).toList())),
                    String.join("; ", new LinkedHashSet<>(supported.stream().map(Supported::textForm).toList())),
                    first.concept().quote(), first.concept().source(), timed ? first.concept().start() : null,
                    timed ? first.concept().end() : null, List.of(), supported);
        }

        Evidence withClips(List<UUID> clips) {
            return new Evidence(conceptId, mediaId, kind, textForm, quote, source, startSeconds, endSeconds, clips,
                    concepts);
        }
    }

    /** A concept a quote states. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Supported(@JsonProperty("concept_id") UUID conceptId, String kind,
                     @JsonProperty("text_form") String textForm) {
    }

    /**
     * An open parameter: JSON paths into {@code definition} as the backtesting sweep takes them (several paths share
     * one value), and the range to try.
     */
    record Tuning(List<String> paths, double from, double to, double step, String reason) {
    }
}
