package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.concepts.Concept;
import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.StrategyFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Exit when the RSI crosses above 70" after "buy when the 14-day RSI drops below 30": stage 5 reads each sentence
 * alone, so the later RSI took the catalogue default and lists its period as assumed. Here a condition's unstated
 * parameter takes the value the lesson stated for that indicator, when it stated exactly one value for it within
 * {@value #WINDOW_SECONDS} s (before or after: slides and speech interleave), in the same lesson. Then the parameter
 * is taught, not assumed, and not swept. Left alone: several values stated ("the moving average" in a lesson with the
 * 50- and 200-day), an indicator appearing twice in the condition, and an average the teacher left open on purpose
 * ("a short moving average").
 */
final class StatedParameters {

    static final double WINDOW_SECONDS = 90;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> AVERAGES = Set.of("SMA", "EMA", "WMA");
    private static final Pattern OPEN_LENGTH = Pattern.compile("\\b(?:short|shorter|fast|faster|quick|slow|slower"
            + "|longer)\\b|\\blong(?:-term)?\\s+(?:\\w+\\s+)?(?:moving\\s+)?average");

    /** The lesson said this indicator's parameter had this value, at this time. */
    private record Statement(UUID media, double at, String indicator, String param, double value) {
    }

    private StatedParameters() {
    }

    /** The concepts with what the lesson stated elsewhere filled into their unstated parameters, in the same order. */
    static List<LessonConcept> resolve(List<LessonConcept> concepts) {
        List<Statement> stated = new ArrayList<>();
        Map<List<Object>, Set<List<Object>>> openInSentence = new HashMap<>();
        concepts.forEach(c -> statements(c, stated, openInSentence.computeIfAbsent(Arrays.asList(c.mediaId(),
                c.concept().start(), c.concept().quote(), c.concept().source()), k -> new HashSet<>())));
        return concepts.stream().map(c -> resolved(c, stated)).toList();
    }

    /**
     * What the concept states. "Sell when it rises above 70" after "buy when the RSI drops below 30" repeats the
     * RSI whose period the sentence left open (stage 5 copies the operand for "it"): a value left open earlier in
     * the same sentence ({@code openInSentence}) is not a statement.
     */
    private static void statements(LessonConcept c, List<Statement> stated, Set<List<Object>> openInSentence) {
        List<String> assumed = assumed(c.concept());
        Object json = switch (c.kind()) {
            case "indicator" -> Map.of("indicator", c.concept().name(), "params",
                    c.concept().details().getOrDefault("params", Map.of()));
            case "condition" -> c.concept().details().get("condition");
            case "level" -> c.concept().details().get("level");
            default -> null;
        };
        for (Map<String, Object> node : indicators(json)) {
            if (node.get("params") instanceof Map<?, ?> params) {
                for (var p : params.entrySet()) {
                    if (!(p.getValue() instanceof Number value)) {
                        continue;
                    }
                    String param = String.valueOf(p.getKey());
                    List<Object> said = List.of(node.get("indicator"), param, value.doubleValue());
                    if (assumed.contains(param)) {
                        openInSentence.add(said);
                    } else if (!openInSentence.contains(said)) {
                        stated.add(new Statement(c.mediaId(), c.concept().start(), (String) node.get("indicator"),
                                param, value.doubleValue()));
                    }
                }
            }
        }
    }

    private static LessonConcept resolved(LessonConcept c, List<Statement> stated) {
        List<String> assumed = assumed(c.concept());
        if (!c.kind().equals("condition") || assumed.isEmpty()
                || !(c.concept().details().get("condition") instanceof Map<?, ?> original)) {
            return c;
        }
        Map<String, Object> condition = copy(original);
        List<String> left = new ArrayList<>(assumed);
        for (String param : assumed) {
            List<Map<String, Object>> open = indicators(condition).stream().filter(n -> atDefault(n, param)).toList();
            if (open.size() != 1 || openOnPurpose(open.getFirst(), c.concept().quote())) {
                continue;
            }
            Map<String, Object> node = open.getFirst();
            List<Double> values = stated.stream().filter(s -> Objects.equals(s.media(), c.mediaId())
                            && Math.abs(s.at() - c.concept().start()) <= WINDOW_SECONDS
                            && s.indicator().equals(node.get("indicator")) && s.param().equals(param))
                    .map(Statement::value).distinct().toList();
            if (values.size() == 1) {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) node.get("params");
                params.put(param, values.getFirst());
                left.remove(param);
            }
        }
        if (left.size() == assumed.size()) {
            return c;
        }
        String textForm;
        try {
            textForm = StrategyFormatter.condition(JSON.convertValue(condition, Condition.class));
        } catch (JacksonException | IllegalArgumentException e) {
            return c;
        }
        Map<String, Object> details = new LinkedHashMap<>(c.concept().details());
        details.put("condition", condition);
        if (left.isEmpty()) {
            details.remove("assumed");
        } else {
            details.put("assumed", List.copyOf(left));
        }
        Concept k = c.concept();
        return new LessonConcept(c.id(), c.mediaId(), new Concept(k.kind(), k.name(), details, textForm, k.start(),
                k.end(), k.quote(), k.confidence(), k.source()));
    }

    private static boolean atDefault(Map<String, Object> node, String param) {
        return node.get("params") instanceof Map<?, ?> params && params.get(param) instanceof Number value
                && IndicatorKind.byName((String) node.get("indicator")).flatMap(k -> k.param(param))
                .map(d -> d.defaultValue() == value.doubleValue()).orElse(false);
    }

    private static boolean openOnPurpose(Map<String, Object> node, String quote) {
        return AVERAGES.contains(node.get("indicator")) && quote != null
                && OPEN_LENGTH.matcher(quote.toLowerCase(Locale.ROOT)).find();
    }

    private static List<String> assumed(Concept concept) {
        return concept.details().get("assumed") instanceof List<?> names
                ? names.stream().map(String::valueOf).toList() : List.of();
    }

    /** The indicator expressions inside a condition's or level's JSON, outermost first. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> indicators(Object json) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (json instanceof Map<?, ?> map) {
            if (map.get("indicator") instanceof String) {
                found.add((Map<String, Object>) map);
            }
            map.values().forEach(v -> found.addAll(indicators(v)));
        } else if (json instanceof List<?> list) {
            list.forEach(v -> found.addAll(indicators(v)));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> json) {
        return JSON.readValue(JSON.writeValueAsString(json), LinkedHashMap.class);
    }
}
