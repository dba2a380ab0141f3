package io.tradingedu.backtesting.engine;

/**
 * An indicator evaluated on every bar of a series, or a constant that has the same value on every bar. Values before
 * {@code unstableBars} are not trusted (the indicator lacks history) and no signal is taken from them.
 *
 * @param values   one value per bar; null for a constant, which is never spread into an array (a sweep over a
 *                 constant's value would otherwise cache one array per value tried)
 * @param constant the value on every bar when {@code values} is null
 */
record IndicatorValues(double[] values, double constant, int unstableBars) {

    IndicatorValues(double[] values, int unstableBars) {
        this(values, Double.NaN, unstableBars);
    }

    static IndicatorValues constant(double value) {
        return new IndicatorValues(null, value, 0);
    }

    double at(int bar) {
        return values == null ? constant : values[bar];
    }

    /** What holding these values costs: the array and a rough allowance for the entry that holds it. */
    long bytes() {
        return values == null ? 0 : 8L * values.length + 64;
    }
}
