package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.concepts.IndicatorMentions.Mention;
import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.PriceField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The things a spoken comparison can compare, found in a lower-case sentence: indicators, band and signal lines,
 * prices, numbers, and moving averages named only by their length ("the 200-day").
 */
final class Operands {

    /**
     * REFERENCE is "it"/"they", standing for what the sentence compared before; LEVEL is a price level said as a
     * channel ("the 20-day high"), already an expression.
     */
    enum Type { INDICATOR, PRICE, CONSTANT, BARE_AVERAGE, REFERENCE, LEVEL }

    /**
     * @param mention      for indicators (and band/signal lines, whose parameters come from the sentence)
     * @param price        for prices
     * @param value        the constant, or the length of a bare average
     * @param averageHint  a constant said as "the 200", which is a moving average when compared with one
     * @param level        for levels
     */
    record Operand(int start, int end, Type type, Mention mention, PriceField price, double value,
                   boolean averageHint, Expression level) {

        Operand(int start, int end, Type type, Mention mention, PriceField price, double value, boolean averageHint) {
            this(start, end, type, mention, price, value, averageHint, null);
        }
    }

    private static final Set<IndicatorKind> AVERAGES = Set.of(IndicatorKind.SMA, IndicatorKind.EMA, IndicatorKind.WMA);
    private static final Set<IndicatorKind> BAND_FAMILIES = Set.of(IndicatorKind.BOLLINGER, IndicatorKind.KELTNER,
            IndicatorKind.DONCHIAN);
    private static final Map<Pattern, PriceField> PRICES = Map.of(
            Pattern.compile("\\b(?:the\\s+)?(?:closing price|candle closes|candle closed|price closes|price|prices|"
                    + "close|closes|closed|closing)\\b"), PriceField.CLOSE,
            Pattern.compile("\\bthe high\\b"), PriceField.HIGH,
            Pattern.compile("\\bthe low\\b"), PriceField.LOW,
            Pattern.compile("\\bvolume\\b"), PriceField.VOLUME);
    private static final Pattern BAND = Pattern.compile(
            "\\b(upper|lower|middle)\\s+(?:(bollinger|keltner|donchian)\\s+)?(?:bands?|channel(?: line)?)\\b");
    private static final Pattern SIGNAL_LINE = Pattern.compile("\\bsignal line\\b");
    private static final Pattern BARE_AVERAGE = Pattern.compile("\\b(\\d+)-(?:day|period|bar|week)\\b");
    private static final Pattern REFERENCE = Pattern.compile("\\b(?:it|they)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.:%+-])[-+]?\\d+(?:\\.\\d+)?(?![\\w%:-]|\\.\\d)");
    /** "the 30 level", "the 100 mark" are levels, never averages. */
    private static final Pattern LEVEL_AFTER = Pattern.compile("^\\s*(?:level|mark|area|line|zone|dollars?|cents?|"
            + "points?|pips?|ticks?|bars?|days?|candles?|times)\\b");

    private Operands() {
    }

    static List<Operand> find(String lower, List<Mention> mentions) {
        List<Operand> found = new ArrayList<>();
        for (Mention m : mentions) {
            found.add(new Operand(m.start(), m.end(), Type.INDICATOR, m, null, 0, false));
        }
        Matcher band = BAND.matcher(lower);
        while (band.find()) {
            IndicatorKind kind = band.group(2) != null ? IndicatorKind.byName(band.group(2)).orElseThrow()
                    : mentions.stream().map(Mention::kind).filter(BAND_FAMILIES::contains).findFirst()
                    .orElse(lower.substring(band.start(), band.end()).contains("channel") ? IndicatorKind.DONCHIAN
                            : IndicatorKind.BOLLINGER);
            Mention base = sameKind(mentions, kind, band.start());
            String output = kind.outputs().contains(band.group(1)) ? band.group(1) : null;
            add(found, new Operand(band.start(), band.end(), Type.INDICATOR, withOutput(base, band, output), null,
                    0, false));
        }
        Matcher signal = SIGNAL_LINE.matcher(lower);
        while (signal.find()) {
            Mention base = sameKind(mentions, IndicatorKind.MACD, signal.start());
            add(found, new Operand(signal.start(), signal.end(), Type.INDICATOR, withOutput(base, signal, "signal"),
                    null, 0, false));
        }
        Matcher bare = BARE_AVERAGE.matcher(lower);
        while (bare.find()) {
            add(found, new Operand(bare.start(), bare.end(), Type.BARE_AVERAGE, null, null,
                    Double.parseDouble(bare.group(1)), false));
        }
        for (Levels.Level level : Levels.find(lower)) {
            add(found, new Operand(level.start(), level.end(), Type.LEVEL, null, null, 0, false, level.expression()));
        }
        for (var price : PRICES.entrySet()) {
            Matcher m = price.getKey().matcher(lower);
            while (m.find()) {
                if (!saysHowAnIndicatorCloses(lower, mentions, m.start())) {
                    add(found, new Operand(m.start(), m.end(), Type.PRICE, null, price.getValue(), 0, false));
                }
            }
        }
        Matcher reference = REFERENCE.matcher(lower);
        while (reference.find()) {
            add(found, new Operand(reference.start(), reference.end(), Type.REFERENCE, null, null, 0, false));
        }
        Matcher number = NUMBER.matcher(lower);
        while (number.find()) {
            boolean the = lower.substring(0, number.start()).endsWith("the ");
            boolean level = LEVEL_AFTER.matcher(lower.substring(number.end())).find();
            add(found, new Operand(number.start(), number.end(), Type.CONSTANT, null, null,
                    Double.parseDouble(number.group()), the && !level));
        }
        found.sort(Comparator.comparingInt(Operand::start));
        return found;
    }

    /** "the RSI closes under 5": the indicator's value on the close, not the price. */
    private static boolean saysHowAnIndicatorCloses(String lower, List<Mention> mentions, int at) {
        return mentions.stream().anyMatch(m -> m.end() <= at && lower.substring(m.end(), at).isBlank());
    }

    static boolean isAverage(Operand operand) {
        return operand.type() == Type.INDICATOR && operand.mention().output() == null
                && AVERAGES.contains(operand.mention().kind());
    }

    /** A longer operand already covering this place wins ("upper bollinger band" over "bollinger band"). */
    private static void add(List<Operand> found, Operand candidate) {
        List<Operand> overlapping = found.stream()
                .filter(o -> o.start() < candidate.end() && candidate.start() < o.end()).toList();
        if (overlapping.stream().allMatch(o -> o.end() - o.start() < candidate.end() - candidate.start())) {
            found.removeAll(overlapping);
            found.add(candidate);
        }
    }

    /** The parameters of a band or signal line come from the indicator said nearest before it, else defaults. */
    private static Mention sameKind(List<Mention> mentions, IndicatorKind kind, int at) {
        Mention nearest = null;
        for (Mention m : mentions) {
            if (m.kind() == kind && (nearest == null || m.start() <= at)) {
                nearest = m;
            }
        }
        return nearest != null ? nearest : IndicatorMentions.defaults(at, kind);
    }

    private static Mention withOutput(Mention base, Matcher at, String output) {
        return new Mention(at.start(), at.end(), base.kind(), base.params(), base.assumed(), output);
    }

    /** A plain expression for a resolved operand. */
    static Expression expression(Operand operand) {
        return switch (operand.type()) {
            case INDICATOR -> operand.mention().ref();
            case PRICE -> new Expression.Price(operand.price());
            case CONSTANT -> new Expression.Constant(operand.value());
            case LEVEL -> operand.level();
            case BARE_AVERAGE -> throw new IllegalStateException("a bare average needs its kind first");
            case REFERENCE -> throw new IllegalStateException("a reference needs what it refers to first");
        };
    }
}
