package io.tradingedu.orchestrator.features;

import io.tradingedu.orchestrator.features.FeatureInputs.ConceptRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the lesson teaches as trading rules (stage 5's concepts): indicators, conditions, risk rules, hints. */
final class ConceptFeatures {

    static final String NO_CONCEPTS = "no concepts: stage 5 (extract-concepts) has not run for this item";

    private static final Set<String> STOP_RULES = Set.of("stop_loss", "trailing_stop");
    private static final Set<String> TARGET_RULES = Set.of("take_profit", "risk_reward");
    private static final Set<String> SIZING_RULES = Set.of("position_risk");

    private ConceptFeatures() {
    }

    static void add(FeatureInputs inputs, FeatureSet.Builder features) {
        List<ConceptRow> concepts = inputs.concepts();
        if (concepts == null) {
            features.missing(FeatureCatalogue.CONCEPTS, NO_CONCEPTS);
            return;
        }
        for (String kind : FeatureCatalogue.CONCEPT_KINDS) {
            features.put("concepts_" + kind, (int) concepts.stream().filter(c -> c.kind().equals(kind)).count());
        }
        List<ConceptRow> indicators = ofKind(concepts, "indicator");
        features.put("indicators_distinct", (int) indicators.stream().map(ConceptRow::name).distinct().count())
                .ratio("indicators_explicit_share", indicators.stream().filter(c -> !c.assumedParameters()).count(),
                        indicators.size(), "the lesson names no indicator")
                .put("entry_conditions", conditions(concepts, "entry"))
                .put("exit_conditions", conditions(concepts, "exit"))
                .put("has_stop_rule", hasRule(concepts, STOP_RULES))
                .put("has_target_rule", hasRule(concepts, TARGET_RULES))
                .put("has_sizing_rule", hasRule(concepts, SIZING_RULES));
        hint(features, "direction_hint", direction(concepts), "the lesson states no direction");
        hint(features, "timeframe_hint", mostStated(ofKind(concepts, "timeframe")), "the lesson states no timeframe");
        hint(features, "instrument_hint", mostStated(ofKind(concepts, "instrument")),
                "the lesson names no instrument");
    }

    /** {@code long}, {@code short}, {@code both} (both are taught), or null when neither is stated. */
    static String direction(List<ConceptRow> concepts) {
        Set<String> said = Set.copyOf(ofKind(concepts, "direction").stream().map(ConceptRow::name).toList());
        if (said.contains("long") && said.contains("short")) {
            return "both";
        }
        return said.contains("long") ? "long" : said.contains("short") ? "short" : null;
    }

    /** The name stated most often; on a tie the one stated first. Null for none. */
    static String mostStated(List<ConceptRow> concepts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        concepts.forEach(c -> counts.merge(c.name(), 1, Integer::sum));
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private static List<ConceptRow> ofKind(List<ConceptRow> concepts, String kind) {
        return concepts.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    private static int conditions(List<ConceptRow> concepts, String role) {
        return (int) ofKind(concepts, "condition").stream().filter(c -> role.equals(c.role())).count();
    }

    private static boolean hasRule(List<ConceptRow> concepts, Set<String> names) {
        return ofKind(concepts, "risk_rule").stream().anyMatch(c -> names.contains(c.name()));
    }

    private static void hint(FeatureSet.Builder features, String name, String value, String whenNone) {
        if (value == null) {
            features.unknown(name, whenNone);
        } else {
            features.put(name, value);
        }
    }
}
