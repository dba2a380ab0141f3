package io.tradingedu.backtesting.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dotted paths into a strategy's JSON: {@code entry.conditions[1].left.params.period}. The last step may name a
 * parameter the strategy leaves at its default; everything before it must exist.
 */
final class StrategyPaths {

    private static final Pattern STEP = Pattern.compile("([a-z_]+)(?:\\[(\\d+)])?");

    private StrategyPaths() {
    }

    static void requireNumberAt(JsonNode tree, String path) {
        JsonNode parent = parentOf(tree, path);
        JsonNode current = parent.get(last(path));
        if (current != null && !current.isNumber()) {
            throw new IllegalArgumentException("parameter path '" + path + "' names a " + current.getNodeType()
                    .toString().toLowerCase() + ", not a number");
        }
    }

    static void set(JsonNode tree, String path, double value) {
        ((ObjectNode) parentOf(tree, path)).put(last(path), value);
    }

    private static JsonNode parentOf(JsonNode tree, String path) {
        String[] steps = path.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < steps.length - 1; i++) {
            Matcher matcher = STEP.matcher(steps[i]);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("parameter path '" + path + "': cannot read step '" + steps[i] + "'");
            }
            JsonNode next = node.get(matcher.group(1));
            if (next == null && i == steps.length - 2 && matcher.group(1).equals("params") && node instanceof ObjectNode o) {
                next = o.putObject("params");
            }
            if (next != null && matcher.group(2) != null) {
                next = next instanceof ArrayNode array ? array.get(Integer.parseInt(matcher.group(2))) : null;
            }
            if (next == null) {
                throw new IllegalArgumentException("parameter path '" + path + "' does not exist in the strategy "
                        + "(no '" + steps[i] + "')");
            }
            node = next;
        }
        if (!(node instanceof ObjectNode)) {
            throw new IllegalArgumentException("parameter path '" + path + "' does not end in an object field");
        }
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
