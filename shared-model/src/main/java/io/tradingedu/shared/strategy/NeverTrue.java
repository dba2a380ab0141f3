package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Condition.AllOf;
import io.tradingedu.shared.strategy.Condition.AnyOf;
import io.tradingedu.shared.strategy.Condition.Not;
import io.tradingedu.shared.strategy.Expression.Constant;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds rules that no data could ever make true: comparing a series with itself, comparing two constants the wrong
 * way, asking a bounded indicator (RSI, Stochastic, ADX, Williams %R) for a value outside its range, an empty
 * between, requiring a rule and its negation at once, or a breakout above a level that includes the current bar
 * ({@link ChannelLevels}).
 */
final class NeverTrue {

    private NeverTrue() {
    }

    /** Why the condition can never be true, or empty when some data could make it true. */
    static Optional<String> reason(Condition condition) {
        Optional<String> channel = ChannelLevels.reason(condition);
        if (channel.isPresent()) {
            return channel;
        }
        return switch (condition) {
            case Condition.Above c -> greater(c.left(), c.right(), "above");
            case Condition.Below c -> less(c.left(), c.right());
            case Condition.CrossesAbove c -> crosses(c.left(), c.right(), "crosses above");
            case Condition.CrossesBelow c -> crosses(c.left(), c.right(), "crosses below");
            case Condition.Between c -> between(c);
            case AllOf c -> allOf(c);
            case AnyOf c -> c.conditions().stream().allMatch(child -> reason(child).isPresent())
                    ? Optional.of("none of its alternatives can be true")
                    : Optional.empty();
            case Condition.Within c -> reason(c.condition());
            case Not c -> alwaysTrue(c.condition())
                    ? Optional.of("it negates a rule that is always true") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** left &gt; right can never hold. */
    private static Optional<String> greater(Expression left, Expression right, String word) {
        if (left.equals(right)) {
            return Optional.of("a series is never " + word + " itself");
        }
        Range l = range(left);
        Range r = range(right);
        if (l != null && r != null && l.max() <= r.min()) {
            return Optional.of(describe(left, l) + " is never " + word + " " + describe(right, r));
        }
        return Optional.empty();
    }

    /** left &lt; right can never hold. */
    private static Optional<String> less(Expression left, Expression right) {
        if (left.equals(right)) {
            return Optional.of("a series is never below itself");
        }
        Range l = range(left);
        Range r = range(right);
        if (l != null && r != null && l.min() >= r.max()) {
            return Optional.of(describe(left, l) + " is never below " + describe(right, r));
        }
        return Optional.empty();
    }

    private static Optional<String> crosses(Expression left, Expression right, String word) {
        if (left.equals(right)) {
            return Optional.of("a series never " + word + " itself");
        }
        if (left instanceof Constant && right instanceof Constant) {
            return Optional.of("two constants never cross");
        }
        Range l = range(left);
        Range r = range(right);
        if (l != null && r != null && (l.max() < r.min() || r.max() < l.min())) {
            return Optional.of(describe(left, l) + " and " + describe(right, r) + " never meet, so never cross");
        }
        return Optional.empty();
    }

    private static Optional<String> between(Condition.Between c) {
        Range lower = range(c.lower());
        Range upper = range(c.upper());
        if (lower != null && upper != null && lower.min() > upper.max()) {
            return Optional.of("the lower bound is above the upper bound");
        }
        Range value = range(c.value());
        if (value != null && lower != null && value.max() < lower.min()) {
            return Optional.of(describe(c.value(), value) + " is always below the lower bound");
        }
        if (value != null && upper != null && value.min() > upper.max()) {
            return Optional.of(describe(c.value(), value) + " is always above the upper bound");
        }
        return Optional.empty();
    }

    private static Optional<String> allOf(AllOf c) {
        Set<Condition> all = new HashSet<>(c.conditions());
        for (int i = 0; i < c.conditions().size(); i++) {
            Condition child = c.conditions().get(i);
            Optional<String> childReason = reason(child);
            if (childReason.isPresent()) {
                return Optional.of("condition " + (i + 1) + " can never be true (" + childReason.get() + ")");
            }
            if (all.contains(new Not(child))) {
                return Optional.of("it requires a rule and its negation at the same time");
            }
        }
        return Optional.empty();
    }

    private static boolean alwaysTrue(Condition condition) {
        return condition instanceof Not not && reason(not.condition()).isPresent();
    }

    /** The values a series can take when known: a constant's value, a bounded indicator's range. */
    private static Range range(Expression expression) {
        if (expression instanceof Constant c) {
            return new Range(c.constant(), c.constant());
        }
        if (expression instanceof IndicatorRef ref) {
            return IndicatorKind.byName(ref.indicator())
                    .filter(kind -> ref.output() == null || !ref.output().startsWith("percent"))
                    .flatMap(IndicatorKind::range)
                    .map(r -> new Range(r.min(), r.max()))
                    .orElse(null);
        }
        return null;
    }

    private static String describe(Expression expression, Range range) {
        if (expression instanceof Constant c) {
            return String.valueOf(c.constant());
        }
        return ((IndicatorRef) expression).indicator() + " (always between " + range.min() + " and " + range.max() + ")";
    }

    private record Range(double min, double max) {
    }
}
