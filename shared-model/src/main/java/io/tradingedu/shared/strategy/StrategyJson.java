package io.tradingedu.shared.strategy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The one JSON codec for {@link StrategyDefinition}s (REST bodies, database, Kafka). */
public final class StrategyJson {

    /**
     * The deepest JSON a strategy may be: each level of {@link StrategyValidator#MAX_NESTING} takes at most two
     * ({@code "conditions": [ {...} ]}), plus the document, the rule's field and an indicator's params. Deeper JSON is
     * refused before it is turned into a strategy (which is recursive).
     */
    static final int MAX_JSON_DEPTH = 2 * StrategyValidator.MAX_NESTING + 4;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "pyramiding": 2.9 read as 2, or "reverse": "true" as true, would run another strategy than the one
            // written
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Boolean, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private StrategyJson() {
    }

    /** @throws InvalidStrategyException when the strategy nests deeper than the language allows */
    public static String toJson(StrategyDefinition strategy) {
        requireWithinNesting(strategy);
        return MAPPER.writeValueAsString(strategy);
    }

    /** @throws InvalidStrategyException when the strategy nests deeper than the language allows */
    public static JsonNode toTree(StrategyDefinition strategy) {
        requireWithinNesting(strategy);
        return MAPPER.valueToTree(strategy);
    }

    /**
     * Reads a strategy. Unknown fields are errors here (unlike pipeline messages): a misspelt {@code stop_los}
     * silently ignored would backtest a different strategy from the one the author wrote. So are fractions where a
     * whole number belongs ({@code "pyramiding": 2.9}) and text where a boolean belongs ({@code "reverse": "true"}).
     *
     * @throws StrategySyntaxException  with the JSON location when the text is not a strategy
     * @throws InvalidStrategyException when it nests deeper than {@link #MAX_JSON_DEPTH}
     */
    public static StrategyDefinition fromJson(String json) {
        try {
            return MAPPER.readValue(json, StrategyDefinition.class);
        } catch (StreamConstraintsException e) {
            throw new InvalidStrategyException(List.of(new Violation("strategy",
                    tooDeep() + " (" + e.getOriginalMessage() + ")")));
        } catch (JacksonException e) {
            throw syntaxError(e);
        }
    }

    /** As {@link #fromJson}, from an already parsed tree (a request body, a sweep variant). */
    public static StrategyDefinition fromTree(JsonNode tree) {
        String deep = pathDeeperThanAllowed(tree);
        if (deep != null) {
            throw new InvalidStrategyException(List.of(new Violation(deep, tooDeep())));
        }
        try {
            return MAPPER.treeToValue(tree, StrategyDefinition.class);
        } catch (JacksonException e) {
            throw syntaxError(e);
        }
    }

    private static void requireWithinNesting(StrategyDefinition strategy) {
        for (String path : new String[] {Nesting.tooDeep("entry", strategy.entry()),
                Nesting.tooDeep("exit", strategy.exit()), Nesting.tooDeep("entry_stop", strategy.entryStop()),
                Nesting.tooDeep("exit_stop", strategy.exitStop())}) {
            if (path != null) {
                throw new InvalidStrategyException(List.of(new Violation(path, Nesting.message())));
            }
        }
    }

    private static String tooDeep() {
        return "the JSON nests more than " + MAX_JSON_DEPTH + " levels deep; rules and series may nest at most "
                + StrategyValidator.MAX_NESTING + " levels";
    }

    /** The path of the first node below {@link #MAX_JSON_DEPTH}, found without recursion; null when there is none. */
    private static String pathDeeperThanAllowed(JsonNode tree) {
        Deque<Node> open = new ArrayDeque<>();
        open.push(new Node(tree, null, "", 1));
        while (!open.isEmpty()) {
            Node next = open.pop();
            if (!next.json().isContainer()) {
                continue;
            }
            if (next.depth() > MAX_JSON_DEPTH) {
                return next.path();
            }
            if (next.json().isArray()) {
                for (int i = next.json().size() - 1; i >= 0; i--) {
                    open.push(new Node(next.json().get(i), next, "[" + i + "]", next.depth() + 1));
                }
            } else {
                for (Map.Entry<String, JsonNode> field : next.json().properties()) {
                    open.push(new Node(field.getValue(), next, "." + field.getKey(), next.depth() + 1));
                }
            }
        }
        return null;
    }

    /** A JSON node on the walk; its path is spelt out only for the one reported. */
    private record Node(JsonNode json, Node parent, String name, int depth) {
        String path() {
            StringBuilder path = new StringBuilder();
            for (Node node = this; node != null; node = node.parent()) {
                path.insert(0, node.name());
            }
            return path.isEmpty() ? "strategy" : path.substring(path.charAt(0) == '.' ? 1 : 0);
        }
    }

    private static StrategySyntaxException syntaxError(JacksonException e) {
        var location = e.getLocation();
        return new StrategySyntaxException(e.getOriginalMessage() + at(e), location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr());
    }

    private static String at(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce("", String::concat);
        return path.isEmpty() ? "" : " (at " + path.substring(path.startsWith(".") ? 1 : 0) + ")";
    }
}
