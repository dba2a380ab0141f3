package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Expression;
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
        return values.computeIfAbsent(Expressions.normalize(expression), this::compute);
    }

    private IndicatorValues compute(Expression normalized) {
        Indicator<Num> indicator = Ta4jIndicators.of(series.barSeries(), normalized);
        double[] result = new double[series.size()];
        for (int i = 0; i < result.length; i++) {
            Num value = indicator.getValue(i);
            result[i] = value == null || value.isNaN() ? Double.NaN : value.doubleValue();
        }
        return new IndicatorValues(result, Math.min(indicator.getCountOfUnstableBars(), result.length));
    }
}
