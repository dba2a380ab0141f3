package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategySyntaxException;
import io.tradingedu.shared.strategy.StrategyText;
import io.tradingedu.shared.strategy.StrategyValidator;
import io.tradingedu.shared.strategy.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage 8's deterministic default: stage 5's concepts → complete strategies. Parameters the lesson stated for an
 * indicator are filled into its later mentions ({@link StatedParameters}), concepts are grouped into strategies
 * ({@link StrategyGroups}), each group is written as the language's compact text from the concepts' own text forms
 * ({@link StrategyDraft}), read back with {@link StrategyText} and kept only if {@link StrategyValidator} accepts it.
 * Notes say why a lesson yields nothing (no entry taught, only chart patterns, …) and what was dropped.
 */
final class RuleSynthesis {

    static final String SOURCE = "rules";

    private RuleSynthesis() {
    }

    static Synthesis synthesise(List<LessonConcept> concepts) {
        List<Candidate> candidates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (List<LessonConcept> group : StrategyGroups.of(StatedParameters.resolve(concepts))) {
            StrategyDraft draft = StrategyDraft.of(group);
            if (draft.entryMissing()) {
                notes.add("no entry taught for " + draft.describe() + ": without a rule for when to get in there is "
                        + "nothing to trade");
                continue;
            }
            String text = draft.text();
            StrategyDefinition definition;
            try {
                definition = StrategyText.parse(text);
            } catch (StrategySyntaxException e) {
                notes.add("the rules taught as " + draft.describe() + " cannot be written in the strategy language: "
                        + e.getMessage());
                continue;
            }
            List<Violation> violations = StrategyValidator.validate(definition);
            if (!violations.isEmpty()) {
                notes.add("dropped " + draft.describe() + ": " + violations.stream().map(Violation::toString)
                        .reduce((a, b) -> a + "; " + b).orElse(""));
                continue;
            }
            List<Candidate.Tuning> tuning = new ArrayList<>(OpenParameters.of(definition, draft.open()));
            tuning.addAll(draft.stopTuning());
            candidates.add(new Candidate(draft.name(), SOURCE, definition, StrategyFormatter.format(definition),
                    draft.assumed(definition), draft.evidence(), tuning));
        }
        if (candidates.isEmpty() && notes.isEmpty()) {
            notes.add(nothingTradable(concepts));
        }
        return new Synthesis(SOURCE, candidates, notes);
    }

    /** Why a lesson without any condition, level or rule has no strategy, in the lesson's own terms. */
    static String nothingTradable(List<LessonConcept> concepts) {
        if (concepts.isEmpty()) {
            return "the lesson states no trading concept: no indicator, rule, pattern or risk rule was found in its "
                    + "transcript or slides";
        }
        Map<String, Integer> byKind = new TreeMap<>();
        concepts.forEach(c -> byKind.merge(c.kind(), 1, Integer::sum));
        boolean patterns = byKind.containsKey("chart_pattern") || byKind.containsKey("candlestick");
        if (patterns && !byKind.containsKey("condition")) {
            List<String> names = concepts.stream().filter(c -> c.kind().equals("chart_pattern")
                    || c.kind().equals("candlestick")).map(c -> c.concept().name()).distinct().limit(5).toList();
            return "the lesson teaches only chart and candlestick patterns (" + String.join(", ", names) + "), which "
                    + "the strategy language cannot test; no entry condition was taught";
        }
        return "no entry condition was taught: the lesson mentions " + byKind.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ') + (e.getValue() == 1 ? "" : "s"))
                .reduce((a, b) -> a + ", " + b).orElse("nothing") + " but no rule for when to buy or sell";
    }
}
