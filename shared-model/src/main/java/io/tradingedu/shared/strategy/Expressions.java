package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** Canonical forms of expressions, so that equal indicators compare (and cache) equal. */
public final class Expressions {

    private Expressions() {
    }

    /**
     * Every parameter present (defaults filled in catalogue order), the output named, the input explicit.
     * Expects a valid expression (see {@link StrategyValidator}).
     */
    public static Expression normalize(Expression expression) {
        if (!(expression instanceof IndicatorRef ref)) {
            return expression;
        }
        IndicatorKind kind = IndicatorKind.byName(ref.indicator()).orElseThrow(
                () -> new IllegalArgumentException("unknown indicator " + ref.indicator()));
        Map<String, Double> params = new LinkedHashMap<>();
        for (IndicatorKind.Param param : kind.params()) {
            params.put(param.name(), ref.params().getOrDefault(param.name(), param.defaultValue()));
        }
        String output = ref.output() != null ? ref.output() : kind.outputs().isEmpty() ? null : kind.outputs().getFirst();
        Expression input = kind.takesInput() ? normalize(ref.input() == null
                ? new Expression.Price(kind.defaultInput()) : ref.input()) : null;
        return new IndicatorRef(kind.wireName(), params, output, input);
    }

    /** {@code input} as it was {@code bars} bars ago: {@code close[1]}. */
    public static IndicatorRef lag(Expression input, int bars) {
        return new IndicatorRef(IndicatorKind.LAG.wireName(), Map.of("bars", (double) bars), null, input);
    }

    /** An integer parameter of a normalized reference. */
    public static int intParam(IndicatorRef ref, String name) {
        return (int) Math.round(ref.params().get(name));
    }
}
