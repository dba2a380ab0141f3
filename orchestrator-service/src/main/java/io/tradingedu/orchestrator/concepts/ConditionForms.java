package io.tradingedu.orchestrator.concepts;

import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.Risk;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategyValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A condition as a concept: its JSON exactly as shared-model's {@link StrategyJson} writes it, its compact text from
 * {@link StrategyFormatter}, and only if {@link StrategyValidator} accepts it (a spoken "RSI above 150" is noise, not
 * a rule).
 */
final class ConditionForms {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** A way out of the position, so that validating a lone entry condition judges only the condition. */
    private static final Risk ANY_EXIT = new Risk(null, null, null, 1);
    private static final double ASSUMED_FACTOR = 0.85;

    private ConditionForms() {
    }

    /** The finding for a condition said at {@code at}, or null when the condition could never be run. */
    static Finding finding(String lower, int at, Condition condition, List<String> assumed, double certainty) {
        if (!valid(condition)) {
            return null;
        }
        Map<String, Object> json = json(condition);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("condition", json);
        String role = Roles.at(lower, at);
        if (role != null) {
            details.put("role", role);
        }
        if (!assumed.isEmpty()) {
            details.put("assumed", List.copyOf(assumed));
        }
        return new Finding(at, "condition", json.get("type").toString(), details, StrategyFormatter.condition(condition),
                assumed.isEmpty() ? certainty : certainty * ASSUMED_FACTOR);
    }

    /** The condition's JSON tree as maps and lists, e.g. {@code {"type": "below", "left": {...}, ...}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Condition condition) {
        var tree = StrategyJson.toTree(strategy(condition)).get("entry");
        return MAPPER.convertValue(tree, LinkedHashMap.class);
    }

    /** Whether the validator accepts the condition as an entry rule. */
    static boolean valid(Condition condition) {
        return StrategyValidator.validate(strategy(condition)).isEmpty();
    }

    /** An expression's JSON tree as maps and lists, e.g. {@code {"indicator": "HIGHEST", ...}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Expression expression) {
        var tree = StrategyJson.toTree(strategy(new Condition.Above(expression, new Expression.Constant(0))))
                .get("entry").get("left");
        return MAPPER.convertValue(tree, LinkedHashMap.class);
    }

    private static StrategyDefinition strategy(Condition condition) {
        return new StrategyDefinition(StrategyDefinition.VERSION, null, null, condition, null, ANY_EXIT, null, null);
    }
}
