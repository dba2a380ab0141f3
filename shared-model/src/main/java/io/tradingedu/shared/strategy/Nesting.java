package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import java.util.List;

/**
 * The nesting limit of rules and series ({@link StrategyValidator#MAX_NESTING}): every part of the language is
 * walked recursively (validator, formatter, engine, JSON codec), so a rule nested thousands of levels deep would end
 * in a stack overflow or in Jackson's own nesting limits. These walks stop at the limit, so they are safe on any
 * tree, however deep.
 */
final class Nesting {

    static final int MAX = StrategyValidator.MAX_NESTING;

    private Nesting() {
    }

    /**
     * The path (below {@code path}) of the first node deeper than the limit, or null when the rule is within it.
     * The rule itself is level 1; each condition or series inside another is one level deeper.
     */
    static String tooDeep(String path, Condition condition) {
        String below = condition(condition, 1);
        return below == null ? null : path + below;
    }

    /** As {@link #tooDeep(String, Condition)}, for a series. */
    static String tooDeep(String path, Expression expression) {
        String below = expression(expression, 1);
        return below == null ? null : path + below;
    }

    /** How deep the rule nests, counted up to {@code limit + 1} and no further. */
    static int height(Condition condition, int limit) {
        return condition(condition, 1, limit);
    }

    /** As {@link #height(Condition, int)}, for a series. */
    static int height(Expression expression, int limit) {
        return expression(expression, 1, limit);
    }

    static String message() {
        return "rules and series nest more than " + MAX + " levels deep (conditions and indicators inside one "
                + "another); write it flatter";
    }

    // the path is only built on the way back from a node that is too deep, so a valid tree costs no strings
    private static String condition(Condition condition, int depth) {
        if (condition == null) {
            return null;
        }
        if (depth > MAX) {
            return "";
        }
        return switch (condition) {
            case Condition.Above c -> first(".left", expression(c.left(), depth + 1), ".right",
                    expression(c.right(), depth + 1));
            case Condition.Below c -> first(".left", expression(c.left(), depth + 1), ".right",
                    expression(c.right(), depth + 1));
            case Condition.CrossesAbove c -> first(".left", expression(c.left(), depth + 1), ".right",
                    expression(c.right(), depth + 1));
            case Condition.CrossesBelow c -> first(".left", expression(c.left(), depth + 1), ".right",
                    expression(c.right(), depth + 1));
            case Condition.Between c -> {
                String found = first(".value", expression(c.value(), depth + 1), ".lower",
                        expression(c.lower(), depth + 1));
                yield found != null ? found : prefixed(".upper", expression(c.upper(), depth + 1));
            }
            case Condition.Rising c -> prefixed(".value", expression(c.value(), depth + 1));
            case Condition.Falling c -> prefixed(".value", expression(c.value(), depth + 1));
            case Condition.AllOf c -> children(c.conditions(), depth);
            case Condition.AnyOf c -> children(c.conditions(), depth);
            case Condition.Not c -> prefixed(".condition", condition(c.condition(), depth + 1));
            case Condition.Within c -> prefixed(".condition", condition(c.condition(), depth + 1));
            case Condition.StopLossHit c -> null;
            case Condition.TakeProfitHit c -> null;
        };
    }

    private static String children(List<Condition> conditions, int depth) {
        for (int i = 0; i < conditions.size(); i++) {
            String found = condition(conditions.get(i), depth + 1);
            if (found != null) {
                return ".conditions[" + i + "]" + found;
            }
        }
        return null;
    }

    private static String expression(Expression expression, int depth) {
        if (expression == null) {
            return null;
        }
        if (depth > MAX) {
            return "";
        }
        return expression instanceof IndicatorRef ref ? prefixed(".input", expression(ref.input(), depth + 1)) : null;
    }

    private static String first(String leftName, String left, String rightName, String right) {
        return left != null ? leftName + left : prefixed(rightName, right);
    }

    private static String prefixed(String name, String found) {
        return found == null ? null : name + found;
    }

    private static int condition(Condition condition, int depth, int limit) {
        if (condition == null || depth > limit) {
            return depth - 1 + (condition == null ? 0 : 1);
        }
        return switch (condition) {
            case Condition.Above c -> Math.max(expression(c.left(), depth + 1, limit),
                    expression(c.right(), depth + 1, limit));
            case Condition.Below c -> Math.max(expression(c.left(), depth + 1, limit),
                    expression(c.right(), depth + 1, limit));
            case Condition.CrossesAbove c -> Math.max(expression(c.left(), depth + 1, limit),
                    expression(c.right(), depth + 1, limit));
            case Condition.CrossesBelow c -> Math.max(expression(c.left(), depth + 1, limit),
                    expression(c.right(), depth + 1, limit));
            case Condition.Between c -> Math.max(expression(c.value(), depth + 1, limit),
                    Math.max(expression(c.lower(), depth + 1, limit), expression(c.upper(), depth + 1, limit)));
            case Condition.Rising c -> expression(c.value(), depth + 1, limit);
            case Condition.Falling c -> expression(c.value(), depth + 1, limit);
            case Condition.AllOf c -> children(c.conditions(), depth, limit);
            case Condition.AnyOf c -> children(c.conditions(), depth, limit);
            case Condition.Not c -> condition(c.condition(), depth + 1, limit);
            case Condition.Within c -> condition(c.condition(), depth + 1, limit);
            case Condition.StopLossHit c -> depth;
            case Condition.TakeProfitHit c -> depth;
        };
    }

    private static int children(List<Condition> conditions, int depth, int limit) {
        int height = depth;
        for (Condition child : conditions) {
            height = Math.max(height, condition(child, depth + 1, limit));
            if (height > limit) {
                break;
            }
        }
        return height;
    }

    private static int expression(Expression expression, int depth, int limit) {
        if (expression == null || depth > limit) {
            return depth - 1 + (expression == null ? 0 : 1);
        }
        return expression instanceof IndicatorRef ref && ref.input() != null
                ? expression(ref.input(), depth + 1, limit) : depth;
    }
}
