package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.Expression.Price;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the classic breakout mistake: comparing a bar with a highest/lowest level whose window includes that same
 * bar. {@code close > HIGHEST(high, 20)} can never be true (this bar's high is part of the level, and a close is never
 * above its own bar's high), nor can {@code close > DONCHIAN_upper(20)}; the breakout compares with the level of the
 * bar before, {@code HIGHEST(high, 20)[1]}. The mirror holds for LOWEST and the lower Donchian band, and for both
 * sides taken the same number of bars ago ({@code close[1] > HIGHEST(high, 20)[1]}). Only a comparison the rule
 * positively requires is refused: {@code not (close > HIGHEST(high, 20))} is always true and
 * {@code close > HIGHEST(high, 20) or RSI(2) < 5} can still trade. Part of {@link StrategyValidator} and
 * {@link NeverTrue}.
 */
final class ChannelLevels {

    /** Words every message of this check contains. */
    static final String HINT = "the level includes the current bar";

    private ChannelLevels() {
    }

    /** Why the comparison can never be true, when it is this mistake; empty for every other condition. */
    static Optional<String> reason(Condition condition) {
        return switch (condition) {
            case Condition.Above c -> neverAbove(c.left(), c.right(), c);
            case Condition.Below c -> neverAbove(c.right(), c.left(), c);
            case Condition.CrossesAbove c -> neverAbove(c.left(), c.right(), c);
            case Condition.CrossesBelow c -> neverAbove(c.right(), c.left(), c);
            default -> Optional.empty();
        };
    }

    /**
     * The comparisons of this mistake that the rule requires to be true, each with its path, when the rule as a whole
     * can never be true: those it asks for directly or under {@code and}, {@code within} or a double {@code not}, and
     * those in an {@code or} whose every alternative can never be true. A negated comparison is not required.
     * Expects a rule whose series are valid.
     */
    static List<Violation> required(String path, Condition condition) {
        List<Violation> found = new ArrayList<>();
        required(path, condition, found);
        return found;
    }

    private static void required(String path, Condition condition, List<Violation> found) {
        switch (condition) {
            case Condition.AllOf c -> {
                for (int i = 0; i < c.conditions().size(); i++) {
                    required(path + ".conditions[" + i + "]", c.conditions().get(i), found);
                }
            }
            case Condition.AnyOf c -> {
                if (c.conditions().stream().allMatch(child -> NeverTrue.reason(child).isPresent())) {
                    for (int i = 0; i < c.conditions().size(); i++) {
                        required(path + ".conditions[" + i + "]", c.conditions().get(i), found);
                    }
                }
            }
            case Condition.Within c -> required(path + ".condition", c.condition(), found);
            case Condition.Not c when c.condition() instanceof Condition.Not inner ->
                    required(path + ".condition.condition", inner.condition(), found);
            case null -> {
            }
            default -> reason(condition).ifPresent(reason -> found.add(new Violation(path, reason)));
        }
    }

    /** {@code greater > smaller} can never hold when one side is a level that bounds the other on the same bar. */
    private static Optional<String> neverAbove(Expression greater, Expression smaller, Condition condition) {
        if (greater == null || smaller == null) {
            return Optional.empty();
        }
        // close[1] > HIGHEST(high, 20)[1] is the same comparison, one bar earlier
        int lag = 0;
        while (lagOf(greater) > 0 && lagOf(greater) == lagOf(smaller)) {
            lag += lagOf(greater);
            greater = ((IndicatorRef) greater).input();
            smaller = ((IndicatorRef) smaller).input();
        }
        Expression upperOf = seriesBoundedBy(smaller, true);
        if (upperOf != null && bounded(greater, upperOf, PriceField.HIGH)) {
            return Optional.of(message(condition, smaller, lag));
        }
        Expression lowerOf = seriesBoundedBy(greater, false);
        if (lowerOf != null && bounded(smaller, lowerOf, PriceField.LOW)) {
            return Optional.of(message(condition, greater, lag));
        }
        return Optional.empty();
    }

    /** How many bars ago a plain {@code X[n]} looks (0 for anything else). */
    private static int lagOf(Expression expression) {
        if (expression instanceof IndicatorRef ref && ref.input() != null && ref.output() == null
                && IndicatorKind.byName(ref.indicator()).orElse(null) == IndicatorKind.LAG) {
            Double bars = ref.params().getOrDefault("bars", 1.0);
            return bars != null && bars >= 1 && bars == Math.rint(bars) ? bars.intValue() : 0;
        }
        return 0;
    }

    /**
     * The series a level bounds when it includes the current bar (HIGHEST/upper Donchian from above, LOWEST/lower
     * Donchian from below); null when the expression is no such level.
     */
    private static Expression seriesBoundedBy(Expression level, boolean upper) {
        if (!(level instanceof IndicatorRef ref)) {
            return null;
        }
        var kind = IndicatorKind.byName(ref.indicator()).orElse(null);
        if (kind == (upper ? IndicatorKind.HIGHEST : IndicatorKind.LOWEST)) {
            return ref.input() == null ? new Price(kind.defaultInput()) : ref.input();
        }
        if (kind == IndicatorKind.DONCHIAN && (upper ? ref.output() == null || "upper".equals(ref.output())
                : "lower".equals(ref.output()))) {
            return new Price(upper ? PriceField.HIGH : PriceField.LOW);
        }
        return null;
    }

    /** Whether {@code value} is on this bar never beyond {@code series}: it is that series, or a price within the bar. */
    private static boolean bounded(Expression value, Expression series, PriceField extreme) {
        if (value.equals(series)) {
            return true;
        }
        return series.equals(new Price(extreme)) && value instanceof Price p && p.price() != null
                && p.price() != PriceField.VOLUME;
    }

    /** {@code lag}: how many bars ago both sides were taken; the level must be one bar older than the other side. */
    private static String message(Condition condition, Expression level, int lag) {
        return "'" + StrategyFormatter.condition(condition) + "' can never be true: " + HINT + "; "
                + "compare with the level of the bar before, " + fix(level, lag);
    }

    private static String fix(Expression level, int lag) {
        IndicatorRef ref = (IndicatorRef) level;
        if (ref.indicator().equalsIgnoreCase(IndicatorKind.DONCHIAN.wireName())) {
            boolean upper = !"lower".equals(ref.output());
            IndicatorKind kind = upper ? IndicatorKind.HIGHEST : IndicatorKind.LOWEST;
            Double period = ref.params().getOrDefault("period", kind.param("period").orElseThrow().defaultValue());
            level = new IndicatorRef(kind.wireName(), Map.of("period", period), null, new Price(kind.defaultInput()));
        } else if (ref.input() == null) {
            // HIGHEST(20) reads the highs: say so in the fix
            IndicatorKind kind = IndicatorKind.byName(ref.indicator()).orElseThrow();
            level = new IndicatorRef(ref.indicator(), ref.params(), ref.output(), new Price(kind.defaultInput()));
        }
        return StrategyFormatter.expression(Expressions.lag(level, lag + 1));
    }
}
