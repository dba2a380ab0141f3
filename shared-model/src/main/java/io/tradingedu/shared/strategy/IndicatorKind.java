package io.tradingedu.shared.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The indicator catalogue of the strategy language: names, parameters in positional order (the compact text form
 * {@code MACD(12, 26, 9)} fills them in this order), outputs (the first is the default) and, where an indicator is
 * bounded, its range, so that a rule asking for a value it can never take is rejected.
 */
public enum IndicatorKind {
    SMA(true, null, List.of(), Param.period(20)),
    EMA(true, null, List.of(), Param.period(20)),
    WMA(true, null, List.of(), Param.period(20)),
    RSI(true, new Range(0, 100), List.of(), Param.period(14)),
    MACD(true, null, List.of("line", "signal", "histogram"),
            Param.period("fast", 12), Param.period("slow", 26), Param.period("signal", 9)),
    BOLLINGER(true, null, List.of("middle", "upper", "lower", "percent_b", "width"),
            Param.period(20), new Param("k", 2, 0.1, 10, false)),
    STOCHASTIC(false, new Range(0, 100), List.of("k", "d"), Param.period("k_period", 14), Param.period("d_period", 3)),
    ATR(false, null, List.of(), Param.period(14)),
    ADX(false, new Range(0, 100), List.of("adx", "plus_di", "minus_di"), Param.period(14)),
    CCI(false, null, List.of(), Param.period(20)),
    WILLIAMS_R(false, new Range(-100, 0), List.of(), Param.period(14)),
    ROC(true, null, List.of(), Param.period(10)),
    OBV(false, null, List.of()),
    DONCHIAN(false, null, List.of("upper", "lower", "middle"), Param.period(20)),
    VWAP(false, null, List.of(), Param.period(20)),
    PSAR(false, null, List.of(),
            new Param("step", 0.02, 0.001, 1, false), new Param("max", 0.2, 0.001, 1, false)),
    KELTNER(false, null, List.of("middle", "upper", "lower"),
            Param.period(20), new Param("multiplier", 2, 0.1, 10, false), Param.period("atr_period", 10)),
    /** The input series {@code bars} bars ago: {@code close[1]} is the previous close. */
    LAG(true, null, List.of(), Param.period("bars", 1)),
    /** Highest value of the input (default: the high) over the last {@code period} bars, the current one included. */
    HIGHEST(true, null, List.of(), Param.period(20)),
    /** Lowest value of the input (default: the low) over the last {@code period} bars, the current one included. */
    LOWEST(true, null, List.of(), Param.period(20)),
    /** The bar's range, high − low. */
    RANGE(false, null, List.of()),
    SUPERTREND(false, null, List.of(), Param.period(10), new Param("multiplier", 3, 0.1, 10, false)),
    CONNORS_RSI(true, new Range(0, 100), List.of(),
            Param.period("rsi_period", 3), Param.period("streak_period", 2), Param.period("rank_period", 100)),
    /**
     * High or low of the session's first {@code minutes} (intraday bars only; the session is the UTC calendar day,
     * starting with its first bar); undefined until the opening range is complete.
     */
    OPENING_RANGE(false, null, List.of("high", "low"), new Param("minutes", 30, 1, 1440, true));

    private final boolean takesInput;
    private final Range range;
    private final List<String> outputs;
    private final List<Param> params;

    IndicatorKind(boolean takesInput, Range range, List<String> outputs, Param... params) {
        this.takesInput = takesInput;
        this.range = range;
        this.outputs = outputs;
        this.params = List.of(params);
    }

    /** The name used in JSON and text, e.g. {@code WILLIAMS_R}. */
    public String wireName() {
        return name();
    }

    /** Whether the indicator smooths another series (by default the close), e.g. {@code SMA(RSI(14), 5)}. */
    public boolean takesInput() {
        return takesInput;
    }

    /** The values the indicator can take, if bounded. */
    public Optional<Range> range() {
        return Optional.ofNullable(range);
    }

    /** The series a smoothing indicator reads when no input is given: the high for HIGHEST, the low for LOWEST. */
    public PriceField defaultInput() {
        return switch (this) {
            case HIGHEST -> PriceField.HIGH;
            case LOWEST -> PriceField.LOW;
            default -> PriceField.CLOSE;
        };
    }

    /** Named outputs; empty when the indicator has a single value. */
    public List<String> outputs() {
        return outputs;
    }

    public List<Param> params() {
        return params;
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<IndicatorKind> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
    }

    /** One parameter: its default and allowed range; integer parameters reject fractions. */
    public record Param(String name, double defaultValue, double min, double max, boolean integer) {
        static Param period(double defaultValue) {
            return period("period", defaultValue);
        }

        static Param period(String name, double defaultValue) {
            return new Param(name, defaultValue, 1, 5000, true);
        }
    }

    /** Closed interval of values an indicator can take. */
    public record Range(double min, double max) {
    }
}
