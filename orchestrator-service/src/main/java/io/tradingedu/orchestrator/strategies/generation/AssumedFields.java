package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each assumption landed in the strategy: every assumed field is named by its path into the strategy JSON
 * (the backtesting sweep's paths: {@code exit.left.params.period}, {@code entry.conditions[1].right.constant},
 * {@code risk.stop_loss}) with the value there, so a reader can find and change exactly what the lesson did not say.
 */
final class AssumedFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An assumption made while the strategy is written, placed once it exists. */
    sealed interface Pending permits At, InCondition {
    }

    /**
     * A field at a known path; {@code value} null: the value the strategy has there (null when the field is absent,
     * as for a stop left out on purpose).
     */
    record At(String path, JsonNode value, String reason) implements Pending {
    }

    /**
     * What a condition of the entry or exit ({@code side}) left unstated: an indicator parameter by its name,
     * {@code threshold} (the level compared with) or {@code operands} (the averages of a named cross).
     */
    record InCondition(String side, String condition, String what, String reason) implements Pending {
    }

    private AssumedFields() {
    }

    static List<Candidate.Assumed> place(StrategyDefinition definition, List<Pending> pending) {
        JsonNode tree = StrategyJson.toTree(definition);
        Map<String, Candidate.Assumed> placed = new LinkedHashMap<>();
        for (Pending p : pending) {
            switch (p) {
                case At at -> placed.putIfAbsent(at.path(), new Candidate.Assumed(at.path(),
                        at.value() != null ? at.value() : valueAt(tree, at.path()), at.reason()));
                case InCondition in -> {
                    for (var condition : conditions(tree.get(in.side()), in.side(), in.condition())) {
                        for (var field : fields(condition.getValue(), condition.getKey(), in.what())) {
                            placed.putIfAbsent(field.getKey(), new Candidate.Assumed(field.getKey(), field.getValue(),
                                    in.reason()));
                        }
                    }
                }
            }
        }
        return List.copyOf(placed.values());
    }

    private static JsonNode valueAt(JsonNode tree, String path) {
        JsonNode node = tree.at("/" + path.replace('.', '/'));
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    /** The conditions under {@code node} whose compact text is {@code text}, by path. */
    private static List<Map.Entry<String, JsonNode>> conditions(JsonNode node, String path, String text) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        if (node == null || !node.isObject() || !node.has("type")) {
            return found;
        }
        if (text.equals(format(node))) {
            found.add(Map.entry(path, node));
            return found;
        }
        for (String field : node.propertyNames()) {
            JsonNode child = node.get(field);
            if (child.isArray()) {
                for (int i = 0; i < child.size(); i++) {
                    found.addAll(conditions(child.get(i), path + "." + field + "[" + i + "]", text));
                }
            } else {
                found.addAll(conditions(child, path + "." + field, text));
            }
        }
        return found;
    }

    private static String format(JsonNode condition) {
        try {
            return StrategyFormatter.condition(JSON.treeToValue(condition, Condition.class));
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The assumed fields inside one condition: the defaulted parameter, the constants or the averages' lengths. */
    private static List<Map.Entry<String, JsonNode>> fields(JsonNode condition, String path, String what) {
        List<Map.Entry<String, JsonNode>> expressions = new ArrayList<>();
        expressions(condition, path, expressions);
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (var e : expressions) {
            JsonNode node = e.getValue();
            JsonNode params = node.get("params");
            switch (what) {
                case "threshold" -> {
                    if (node.has("constant")) {
                        fields.add(Map.entry(e.getKey() + ".constant", node.get("constant")));
                    }
                }
                case "operands" -> {
                    if (params != null && params.isObject()) {
                        params.propertyNames().forEach(p -> fields.add(Map.entry(e.getKey() + ".params." + p,
                                params.get(p))));
                    }
                }
                default -> {
                    if (params != null && params.has(what) && atDefault(node, what)) {
                        fields.add(Map.entry(e.getKey() + ".params." + what, params.get(what)));
                    }
                }
            }
        }
        return fields;
    }

    private static boolean atDefault(JsonNode indicator, String param) {
        return IndicatorKind.byName(indicator.get("indicator").asString()).flatMap(k -> k.param(param))
                .map(d -> d.defaultValue() == indicator.get("params").get(param).asDouble()).orElse(false);
    }

    /** The expressions (indicators, prices, constants) of a condition, with their paths, outermost first. */
    private static void expressions(JsonNode node, String path, List<Map.Entry<String, JsonNode>> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                expressions(node.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("indicator") || node.has("constant")) {
            found.add(Map.entry(path, node));
        }
        for (String field : node.propertyNames()) {
            if (!field.equals("params")) {
                expressions(node.get(field), path + "." + field, found);
            }
        }
    }
}
