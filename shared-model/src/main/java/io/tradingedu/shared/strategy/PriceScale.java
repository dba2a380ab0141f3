package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;

/**
 * Which series are prices, so that a stop order's level can be checked: a bar's open, high, low or close, averages,
 * bands and channels of prices, PSAR, Supertrend, the opening range. Oscillators (RSI, Stochastic, ADX, CCI, …),
 * volumes and distances (ATR, the bar's range, a band width) are not. Part of {@link StrategyValidator}.
 */
final class PriceScale {

    private PriceScale() {
    }

    /** The series (as written) that makes {@code level} not a price, or null when it is one. Expects a valid series. */
    static String notAPrice(Expression level) {
        return switch (level) {
            case Expression.Constant c -> null;
            case Expression.Price p -> p.price() == PriceField.VOLUME ? "'volume'" : null;
            case IndicatorRef ref -> indicator(ref);
        };
    }

    private static String indicator(IndicatorRef ref) {
        IndicatorKind kind = IndicatorKind.byName(ref.indicator()).orElseThrow();
        return switch (kind) {
            case SMA, EMA, WMA, LAG, HIGHEST, LOWEST -> input(ref, kind);
            case BOLLINGER -> ref.output() != null && (ref.output().equals("percent_b") || ref.output().equals("width"))
                    ? "'" + StrategyFormatter.expression(ref) + "'" : input(ref, kind);
            case DONCHIAN, VWAP, PSAR, KELTNER, SUPERTREND, OPENING_RANGE -> null;
            case RSI, STOCHASTIC, ADX, WILLIAMS_R, CONNORS_RSI, CCI, ROC, MACD, OBV, ATR, RANGE ->
                    "'" + StrategyFormatter.expression(ref) + "'";
        };
    }

    /** A smoothing or lagging indicator is a price when the series it reads is one (by default a price). */
    private static String input(IndicatorRef ref, IndicatorKind kind) {
        return notAPrice(ref.input() == null ? new Expression.Price(kind.defaultInput()) : ref.input());
    }
}
