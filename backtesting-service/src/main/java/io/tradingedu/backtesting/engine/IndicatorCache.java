package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.Expressions;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * Indicator values of one {@link PriceSeries}, each computed once by ta4j and then shared: every variant of a
 * parameter sweep that uses SMA(50) reads the same array. The arrays held are bounded by a byte budget; beyond it
 * the least recently used ones are dropped (and computed again if asked for), so a sweep over a thousand periods
 * cannot fill the heap. Constants are never spread into arrays. Safe for concurrent use; an array is never written
 * after it is published, and one still read by a running backtest stays valid after it leaves the cache.
 */
public final class IndicatorCache {

    /** What a cache made without an explicit budget may hold: enough for a few hundred indicators of 50,000 bars. */
    public static final long DEFAULT_BUDGET_BYTES = 128L << 20;

    private final PriceSeries series;
    private final long budgetBytes;
    /** In access order, least recently used first; guarded by {@code this}. */
    private final LinkedHashMap<Expression, IndicatorValues> values = new LinkedHashMap<>(64, 0.75f, true);
    private long bytesHeld;

    public IndicatorCache(PriceSeries series) {
        this(series, DEFAULT_BUDGET_BYTES);
    }

    /** @param budgetBytes the most the cached indicator arrays may take together */
    public IndicatorCache(PriceSeries series, long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the indicator cache budget must not be negative, was " + budgetBytes);
        }
        this.series = series;
        this.budgetBytes = budgetBytes;
    }

    public PriceSeries series() {
        return series;
    }

    /** Bytes the cached arrays take now; at most the budget. */
    public synchronized long bytesHeld() {
        return bytesHeld;
    }

    /** Indicators held now. */
    public synchronized int size() {
        return values.size();
    }

    IndicatorValues values(Expression expression) {
        Expression normalized = Expressions.normalize(expression);
        if (normalized instanceof Expression.Constant constant) {
            return IndicatorValues.constant(constant.constant());
        }
        IndicatorValues known = cached(normalized);
        if (known != null) {
            return known;
        }
        // an indicator of an indicator: the inner one first (and cached on its own). Computing happens outside the
        // lock, so two sweep threads may both compute a new indicator once; the first one stored is kept.
        IndicatorValues input = normalized instanceof IndicatorRef ref && ref.input() instanceof IndicatorRef inner
                ? values(inner) : null;
        return keep(normalized, compute(normalized, input));
    }

    private synchronized IndicatorValues cached(Expression normalized) {
        return values.get(normalized);
    }

    private synchronized IndicatorValues keep(Expression normalized, IndicatorValues computed) {
        IndicatorValues raced = values.get(normalized);
        if (raced != null) {
            return raced;
        }
        long bytes = computed.bytes();
        if (bytes > budgetBytes) {
            return computed;
        }
        values.put(normalized, computed);
        bytesHeld += bytes;
        Iterator<Map.Entry<Expression, IndicatorValues>> eldest = values.entrySet().iterator();
        while (bytesHeld > budgetBytes && eldest.hasNext()) {
            Map.Entry<Expression, IndicatorValues> entry = eldest.next();
            if (entry.getValue() != computed) {
                bytesHeld -= entry.getValue().bytes();
                eldest.remove();
            }
        }
        return computed;
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
