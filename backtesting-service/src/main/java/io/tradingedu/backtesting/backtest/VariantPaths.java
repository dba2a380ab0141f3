package io.tradingedu.backtesting.backtest;

import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyJson;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a sweep variant's values into a strategy: the same dotted paths the sweep takes
 * ({@code entry.conditions[1].left.params.period}; comma-separated paths share a value), so the definition judged out
 * of sample is exactly the variant chosen in sample. Whole numbers are written as integers, as a person would.
 */
final class VariantPaths {

    private static final Pattern STEP = Pattern.compile("([a-z_]+)(?:\\[(\\d+)])?");

    private VariantPaths() {
    }

    static StrategyDefinition apply(StrategyDefinition base, Map<String, Double> values) {
        JsonNode tree = StrategyJson.toTree(base);
        values.forEach((paths, value) -> {
            for (String path : paths.split(",")) {
                set(tree, path.trim(), value);
            }
        });
        return StrategyJson.fromTree(tree);
    }

    private static void set(JsonNode tree, String path, double value) {
        String[] steps = path.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < steps.length - 1; i++) {
            Matcher matcher = STEP.matcher(steps[i]);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("parameter path '" + path + "': cannot read step '" + steps[i] + "'");
            }
            JsonNode next = node.get(matcher.group(1));
            if (next == null && matcher.group(1).equals("params") && node instanceof ObjectNode object) {
                next = object.putObject("params");
            }
            if (next != null && matcher.group(2) != null) {
                next = next instanceof ArrayNode array ? array.get(Integer.parseInt(matcher.group(2))) : null;
            }
            if (next == null) {
                throw new IllegalArgumentException("parameter path '" + path + "' does not exist in the strategy");
            }
            node = next;
        }
        String field = steps[steps.length - 1];
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("parameter path '" + path + "' does not end in an object field");
        }
        if (value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE) {
            object.put(field, (int) value);
        } else {
            object.put(field, value);
        }
    }
}
