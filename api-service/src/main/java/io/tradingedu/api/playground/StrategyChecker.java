package io.tradingedu.api.playground;

import io.tradingedu.api.support.BadParameterException;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyFormatter;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategySyntaxException;
import io.tradingedu.shared.strategy.StrategyText;
import io.tradingedu.shared.strategy.StrategyValidator;
import io.tradingedu.shared.strategy.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a compact strategy text the way backtesting-service will (shared-model's parser and validator), so the
 * Playground can show every problem at its line and column before anything is run, and list the numbers a sweep may
 * vary.
 */
@Component
class StrategyChecker {

    private final PlaygroundProperties properties;

    StrategyChecker(PlaygroundProperties properties) {
        this.properties = properties;
    }

    /** @throws BadParameterException for a missing or over-long text: nothing of it is read */
    StrategyCheck check(String text) {
        requireBounded(text);
        StrategyTextLines lines = new StrategyTextLines(text);
        StrategyDefinition strategy;
        try {
            strategy = StrategyText.parse(text);
        } catch (StrategySyntaxException e) {
            return invalid(List.of(syntaxProblem(e)));
        } catch (IllegalArgumentException e) {
            // a value the language's records refuse while being built (e.g. an indicator period of 0)
            return invalid(List.of(new TextProblem(null, null, null, e.getMessage())));
        }
        List<Violation> violations = StrategyValidator.validate(strategy);
        if (!violations.isEmpty()) {
            List<TextProblem> problems = new ArrayList<>();
            for (Violation violation : violations) {
                StrategyTextLines.Written at = lines.lineOf(violation.path());
                problems.add(new TextProblem(at == null ? null : at.line(), at == null ? null : at.column(),
                        violation.path(), violation.message()));
            }
            return invalid(problems);
        }
        JsonNode tree = StrategyJson.toTree(strategy);
        return new StrategyCheck(true, List.of(), tree, StrategyFormatter.format(strategy), sweepable(tree, lines));
    }

    private void requireBounded(String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameterException("text", "write a strategy, one 'key: value' per line, e.g. "
                    + "'entry: RSI(14) < 30'");
        }
        if (text.length() > properties.maxTextChars()) {
            throw new BadParameterException("text", "is " + text.length() + " characters long; at most "
                    + properties.maxTextChars() + " are allowed (DASHBOARD_PLAYGROUND_MAX_TEXT_CHARS)");
        }
    }

    private static TextProblem syntaxProblem(StrategySyntaxException e) {
        String message = e.getMessage().replaceFirst("^(line \\d+, )?column \\d+: ", "");
        return new TextProblem(e.line() > 0 ? e.line() : 1, Math.max(1, e.column()), null, message);
    }

    private static StrategyCheck invalid(List<TextProblem> problems) {
        return new StrategyCheck(false, problems, null, null, List.of());
    }

    /** Every number of the strategy's JSON but its version: what {@code POST /optimize} can set by path. */
    private static List<SweepableNumber> sweepable(JsonNode tree, StrategyTextLines lines) {
        List<SweepableNumber> numbers = new ArrayList<>();
        collect(tree, "", lines, numbers);
        return numbers;
    }

    private static void collect(JsonNode node, String path, StrategyTextLines lines, List<SweepableNumber> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!(path.isEmpty() && field.getKey().equals("version"))) {
                    collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), lines,
                            out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", lines, out);
            }
        } else if (node.isNumber() && !path.isEmpty()) {
            StrategyTextLines.Written at = lines.lineOf(path);
            String where = at == null ? "" : " (line " + at.line() + ": " + at.text() + ")";
            out.add(new SweepableNumber(path, node.asDouble(), at == null ? null : at.line(),
                    path + " = " + plain(node.asDouble()) + where));
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
