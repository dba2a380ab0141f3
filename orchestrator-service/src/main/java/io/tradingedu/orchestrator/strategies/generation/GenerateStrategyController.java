package io.tradingedu.orchestrator.strategies.generation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.orchestrator.concepts.ConceptExtractor;
import io.tradingedu.orchestrator.concepts.TextEvidence;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.support.web.BadFieldException;
import io.tradingedu.support.web.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /strategies/generate} (api-service proxies it as {@code POST /llama/generate-strategy}). Cost bounds:
 * text ≤ 20,000 characters, top_k ≤ 20 lessons, the concepts within {@value #WINDOW_SECONDS} s of a keyword's
 * mentions, and one model exchange plus at most {@code llm.max-repair-rounds} repairs, each within
 * {@code llm.read-timeout}. Answers 422 when nothing tradable was found; never 503 for a missing model (rule synthesis
 * answers instead).
 */
@RestController
@Tag(name = "Strategy generation", description = "A strategy in the strategy language from words or from the library")
class GenerateStrategyController {

    static final double WINDOW_SECONDS = 60;

    private final StrategyGenerator generator;
    private final LessonReader lessons;
    private final ConceptExtractor extractor = new ConceptExtractor();

    GenerateStrategyController(StrategyGenerator generator, LessonReader lessons) {
        this.generator = generator;
        this.lessons = lessons;
    }

    @PostMapping("/strategies/generate")
    @Operation(summary = "Generate one validated strategy from free text or a keyword (422 when nothing is tradable)")
    ResponseEntity<?> generate(@RequestBody GenerateRequest body) {
        GenerateRequest request = body == null ? null : body.validated();
        if (request == null) {
            throw new BadFieldException("text", "a body with keyword or text is required");
        }
        double temperature = request.temperature() != null ? request.temperature() : generator.defaultTemperature();
        List<LessonConcept> concepts;
        List<String> excerpts;
        List<String> notes = new ArrayList<>();
        if (request.byText()) {
            concepts = extractor.extract(List.of(new TextEvidence(request.text(), 0, 0, 1, "text"))).stream()
                    .map(c -> new LessonConcept(null, null, c)).toList();
            excerpts = List.of(request.text());
        } else {
            String keyword = request.keyword().strip();
            Map<UUID, List<double[]>> mentions;
            try {
                mentions = lessons.mentioning(keyword, request.topKOrDefault());
            } catch (QueryTimeoutException e) {
                return keywordSearchTooSlow(keyword);
            }
            if (mentions.isEmpty()) {
                return nothingTradable(List.of("no lesson in the library states a concept mentioning '" + keyword
                        + "'"));
            }
            concepts = near(mentions);
            excerpts = concepts.stream().map(c -> c.concept().quote()).distinct().toList();
            notes.add("gathered " + concepts.size() + " concepts from " + mentions.size() + " lesson"
                    + (mentions.size() == 1 ? "" : "s") + " mentioning '" + keyword + "'");
        }
        Synthesis synthesis = generator.generate(concepts, excerpts, temperature);
        notes.addAll(synthesis.notes());
        if (synthesis.candidates().isEmpty()) {
            return nothingTradable(notes);
        }
        Candidate best = synthesis.candidates().stream()
                .max(Comparator.comparingInt((Candidate c) -> c.evidence().size())).orElseThrow();
        if (best.evidence().stream().anyMatch(e -> e.mediaId() != null)) {
            best = withClips(best);
        }
        if (synthesis.candidates().size() > 1) {
            notes.add(synthesis.candidates().size() + " strategies found; the one with the most evidence is shown");
        }
        return ResponseEntity.ok(new GenerateResponse(StrategyJson.toTree(best.definition()), best.text(),
                best.source(), best.assumed(), best.evidence(), best.tuning(), notes));
    }

    /**
     * A keyword that matches too much of a large library (or a database too busy to scan it): the same request would
     * meet the same wall, so the answer says what to change rather than inviting a retry.
     */
    private ResponseEntity<ProblemDetail> keywordSearchTooSlow(String keyword) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "keyword-search-timeout", "Keyword search took too long", "looking up the lessons that mention '"
                        + keyword + "' took longer than " + lessons.keywordScanTimeout().toSeconds()
                        + " s (strategies.generate.keyword-scan-timeout): ask with a more specific keyword, or give "
                        + "the strategy as text"));
    }

    /** The concepts of each lesson said within the window around its mentions of the keyword. */
    private List<LessonConcept> near(Map<UUID, List<double[]>> mentions) {
        List<LessonConcept> near = new ArrayList<>();
        for (var lesson : mentions.entrySet()) {
            for (LessonConcept c : lessons.concepts(lesson.getKey())) {
                boolean close = lesson.getValue().stream().anyMatch(span -> c.concept().start() <= span[1]
                        + WINDOW_SECONDS && span[0] - WINDOW_SECONDS <= c.concept().end());
                if (close) {
                    near.add(c);
                }
            }
        }
        return near;
    }

    private Candidate withClips(Candidate candidate) {
        UUID media = candidate.evidence().stream().map(Candidate.Evidence::mediaId).filter(m -> m != null)
                .findFirst().orElseThrow();
        return ClipLinks.link(candidate, lessons.clips(media));
    }

    private static ResponseEntity<ProblemDetail> nothingTradable(List<String> reasons) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-tradable",
                "Nothing tradable", String.join("; ", reasons));
        problem.setProperty("notes", reasons);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
