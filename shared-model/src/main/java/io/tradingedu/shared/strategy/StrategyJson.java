package io.tradingedu.shared.strategy;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON codec for {@link StrategyDefinition}s (REST bodies, database, Kafka). */
public final class StrategyJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrategyJson() {
    }

    public static String toJson(StrategyDefinition strategy) {
        return MAPPER.writeValueAsString(strategy);
    }

    public static JsonNode toTree(StrategyDefinition strategy) {
        return MAPPER.valueToTree(strategy);
    }

    /**
     * Reads a strategy. Unknown fields are errors here (unlike pipeline messages): a misspelt {@code stop_los}
     * silently ignored would backtest a different strategy from the one the author wrote.
     *
     * @throws StrategySyntaxException with the JSON location when the text is not a strategy
     */
    public static StrategyDefinition fromJson(String json) {
        try {
            return MAPPER.readValue(json, StrategyDefinition.class);
        } catch (JacksonException e) {
            throw syntaxError(e);
        }
    }

    /** As {@link #fromJson}, from an already parsed tree (a request body, a sweep variant). */
    public static StrategyDefinition fromTree(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, StrategyDefinition.class);
        } catch (JacksonException e) {
            throw syntaxError(e);
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
