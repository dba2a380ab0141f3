package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.Expression.Price;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the classic breakout mistake: comparing a bar with a highest/lowest level whose window includes that same
 * bar. {@code close > HIGHEST(high, 20)} can never be true (this bar's high is part of the level, and a close is never
 * above its own bar's high), nor can {@code close > DONCHIAN_upper(20)}; the breakout compares with the level of the
 * bar before, {@code HIGHEST(high, 20)[1]}. The mirror holds for LOWEST and the lower Donchian band. Part of
 * {@link StrategyValidator} and {@link NeverTrue}.
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

    /** {@code greater > smaller} can never hold when one side is a level that bounds the other on the same bar. */
    private static Optional<String> neverAbove(Expression greater, Expression smaller, Condition condition) {
        if (greater == null || smaller == null) {
            return Optional.empty();
        }
        Expression upperOf = seriesBoundedBy(smaller, true);
        if (upperOf != null && bounded(greater, upperOf, PriceField.HIGH)) {
            return Optional.of(message(condition, smaller));
        }
        Expression lowerOf = seriesBoundedBy(greater, false);
        if (lowerOf != null && bounded(smaller, lowerOf, PriceField.LOW)) {
            return Optional.of(message(condition, greater));
        }
        return Optional.empty();
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

    private static String message(Condition condition, Expression level) {
        return "'" + StrategyFormatter.condition(condition) + "' can never be true: " + HINT + "; "
                + "compare with the level of the bar before, " + fix(level);
    }

    private static String fix(Expression level) {
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
        return StrategyFormatter.expression(Expressions.lag(level, 1));
    }
}
