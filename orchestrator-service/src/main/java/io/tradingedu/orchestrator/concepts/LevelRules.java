package io.tradingedu.orchestrator.concepts;

import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.PriceField;
import io.tradingedu.shared.strategy.StrategyFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Orders at a price level (kind {@code level}): "buy a 20-day high breakout" → {@code entry_stop: HIGHEST(high, 20)},
 * "exit on a 10-day low" → {@code exit_stop: LOWEST(low, 10)}: a stop order at the channel as it stands on the signal
 * bar's close, filled on a later bar that trades through it (the Turtle reading: "price exceeds the high of the
 * preceding 20 days"). A channel is an order when it is a breakout or when the trade happens "on"/"at" it; "closes
 * above the 20-day high" is a comparison instead ({@link ConditionRules}).
 * Details: {"level": the expression's JSON, "role": entry|exit}.
 */
final class LevelRules {

    private static final Pattern BREAKOUT_AFTER = Pattern.compile("^\\s*(?:breakouts?|break[- ]?outs?)\\b");
    private static final Pattern BEFORE = Pattern.compile("(?:\\bbreak(?:out|s out|ing out)?\\s+(?:above|below|of|"
            + "through|beyond)\\s+(?:a|the)\\s+(?:new\\s+)?|\\b(?:on|at)\\s+(?:a|the)\\s+(?:new\\s+)?)$");

    private LevelRules() {
    }

    static List<Finding> find(String lower) {
        List<Finding> found = new ArrayList<>();
        for (Levels.Level level : Levels.find(lower)) {
            boolean breakout = BREAKOUT_AFTER.matcher(lower.substring(level.end())).find();
            boolean order = breakout || BEFORE.matcher(lower.substring(0, level.start())).find();
            String role = Roles.at(lower, level.start());
            if (!order || "filter".equals(role) || role == null && !breakout
                    || !ConditionForms.valid(new Condition.Above(level.expression(), new Expression.Constant(0)))) {
                continue;
            }
            String name = "exit".equals(role) ? "exit_stop" : "entry_stop";
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("level", ConditionForms.json(level.expression()));
            details.put("role", "exit".equals(role) ? "exit" : "entry");
            found.add(new Finding(level.start(), "level", name, details, name + ": " + text(level.expression()),
                    0.85));
        }
        return found;
    }

    /** The expression in compact text, e.g. {@code HIGHEST(high, 20)}. */
    static String text(Expression expression) {
        String condition = StrategyFormatter.condition(new Condition.Above(expression,
                new Expression.Price(PriceField.CLOSE)));
        return condition.substring(0, condition.length() - " > close".length());
    }
}
