package io.tradingedu.backtesting.engine;

/**
 * An indicator evaluated on every bar of a series. Values before {@code unstableBars} are not trusted (the indicator
 * lacks history) and no signal is taken from them.
 */
record IndicatorValues(double[] values, int unstableBars) {
}
