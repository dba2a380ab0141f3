package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.Expressions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Indicator values of one {@link PriceSeries}, each computed once by ta4j and then shared: every variant of a
 * parameter sweep that uses SMA(50) reads the same array. Safe for concurrent use; the arrays are never written after
 * they are published.
 */
public final class IndicatorCache {

    private final PriceSeries series;
    private final Map<Expression, IndicatorValues> values = new ConcurrentHashMap<>();

    public IndicatorCache(PriceSeries series) {
        this.series = series;
    }

    public PriceSeries series() {
        return series;
    }

    IndicatorValues values(Expression expression) {
        Expression normalized = Expressions.normalize(expression);
        IndicatorValues known = values.get(normalized);
        if (known != null) {
            return known;
        }
        // an indicator of an indicator: the inner one first (and cached on its own), outside computeIfAbsent
        IndicatorValues input = normalized instanceof IndicatorRef ref && ref.input() instanceof IndicatorRef inner
                ? values(inner) : null;
        return values.computeIfAbsent(normalized, key -> compute(key, input));
    }

    private IndicatorValues compute(Expression normalized, IndicatorValues input) {
        Indicator<Num> indicator = input == null ? Ta4jIndicators.of(series.barSeries(), normalized)
                : Ta4jIndicators.withInput(series.barSeries(), (IndicatorRef) normalized,
                new ValuesIndicator(series.barSeries(), input.values()));
        double[] result = new double[series.size()];
        for (int i = 0; i < result.length; i++) {
            Num value = indicator.getValue(i);
            result[i] = value == null || value.isNaN() ? Double.NaN : value.doubleValue();
        }
        int unstable = indicator.getCountOfUnstableBars() + (input == null ? 0 : input.unstableBars());
        return new IndicatorValues(result, Math.min(unstable, result.length));
    }
}
