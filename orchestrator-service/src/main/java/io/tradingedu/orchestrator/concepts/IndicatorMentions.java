package io.tradingedu.orchestrator.concepts;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.IndicatorKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds indicators named in a lower-case, normalised sentence with the parameters said around them: "50-day SMA",
 * "the 200-day moving average", "MACD 12 26 9", "MACD(12, 26, 9)", "Bollinger bands 20 2", "14-period RSI",
 * "RSI with a period of 2". "Moving average" without a type is the simple one (SMA), as in most lessons.
 */
final class IndicatorMentions {

    /**
     * An indicator said in the sentence.
     *
     * @param params  every catalogue parameter, in catalogue order; unstated ones take the catalogue default
     * @param assumed the parameters the lesson did not state
     * @param output  a named output ("histogram", "signal") or null for the first
     */
    record Mention(int start, int end, IndicatorKind kind, Map<String, Double> params, List<String> assumed,
                   String output) {

        IndicatorRef ref() {
            return new IndicatorRef(kind.wireName(), params, output, null);
        }

        /** {@code RSI(14)}, {@code MACD(12, 26, 9)}, {@code OBV}: the compact form, every parameter written. */
        String textForm() {
            return IndicatorMentions.textForm(kind, params);
        }
    }

    private record Name(IndicatorKind kind, Pattern pattern) {
    }

    /** Ordered: where two names overlap the earlier wins ("connors rsi" before "rsi"). */
    private static final List<Name> NAMES = Stream.of(
            name("EMA", "exponential moving averages?|exponential averages?|emas?"),
            name("WMA", "weighted moving averages?|wmas?"),
            name("SMA", "simple moving averages?|moving averages?|smas?|mas?"),
            name("CONNORS_RSI", "connors ?rsi|connors relative strength(?: index)?|crsi"),
            name("RSI", "relative strength index|relative strength|rsi"),
            name("MACD", "macd"),
            name("BOLLINGER", "bollinger bands?|bollinger|bbands"),
            name("STOCHASTIC", "stochastics?(?: oscillator)?|stoch"),
            name("ATR", "average true range|atr"),
            name("ADX", "average directional (?:movement )?index|adx"),
            name("CCI", "commodity channel index|cci"),
            name("WILLIAMS_R", "williams\\s*(?:%|percent)\\s*r|williams r"),
            name("ROC", "rate of change|roc"),
            name("OBV", "on[- ]balance volume|obv"),
            name("DONCHIAN", "donchian(?: channels?)?"),
            name("VWAP", "volume[- ]weighted average price|vwap"),
            name("PSAR", "parabolic sar|parabolic stop and reverse|psar"),
            name("KELTNER", "keltner(?: channels?)?"),
            name("SUPERTREND", "super ?trend"),
            name("OPENING_RANGE", "opening range"),
            name("RANGE", "(?:day's|daily|bar's|candle's|today's|the bar|the day|the candle)(?:'s)? range"
                    + "|range of (?:the|this|today's) (?:bar|day|candle)"))
            .flatMap(Optional::stream).toList();

    /** Outputs said after the name: "MACD histogram", "Bollinger band width", "opening range high". */
    private static final Pattern OUTPUT_AFTER = Pattern.compile("^\\s*\\)?\\s+(histogram|signal line|signal|width|"
            + "high|low)\\b");

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    /** A number just before the name, optionally with its unit: "50-day", "14-period", "20". */
    private static final Pattern BEFORE = Pattern.compile(
            "(?:^|[\\s(])" + NUMBER + "(-(?:day|period|bar|week|hour|minute|candle))?\\s*$");
    private static final Pattern JOINER = Pattern.compile("(?:,|\\band)\\s*$");
    /** Numbers right after the name: "RSI 14", "MACD(12, 26, 9)", "bollinger bands 20 2". */
    private static final Pattern AFTER_FIRST = Pattern.compile(
            "^(?:\\s*\\(\\s*|\\s+)" + NUMBER + "(?![\\w%:-]|\\.\\d)");
    private static final Pattern AFTER_NEXT = Pattern.compile(
            "^(?:\\s*,\\s*|\\s+)" + NUMBER + "(?![\\w%:-]|\\.\\d)");
    private static final Pattern NAMED_PERIOD = Pattern.compile(
            "^\\s*,?\\s*(?:with|using|on)?\\s*(?:a|the)?\\s*(?:period|length|lookback|setting)\\s+"
                    + "(?:of|set to|at)?\\s*" + NUMBER + "\\b");

    private IndicatorMentions() {
    }

    /** Names of indicators the catalogue has; none for a name it does not have (yet). */
    private static Optional<Name> name(String wireName, String alternatives) {
        return IndicatorKind.byName(wireName)
                .map(kind -> new Name(kind, Pattern.compile("\\b(?:" + alternatives + ")\\b")));
    }

    static List<Mention> find(String lower) {
        List<int[]> spans = new ArrayList<>();
        List<Name> kinds = new ArrayList<>();
        for (Name name : NAMES) {
            Matcher m = name.pattern().matcher(lower);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (spans.stream().noneMatch(x -> x[0] < e && s < x[1])) {
                    spans.add(new int[] {s, e});
                    kinds.add(name);
                }
            }
        }
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            mentions.addAll(read(lower, spans.get(i)[0], spans.get(i)[1], kinds.get(i).kind()));
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    /** One name with its parameters; "the 50 and 200-day moving averages" are two mentions. */
    private static List<Mention> read(String lower, int nameStart, int nameEnd, IndicatorKind kind) {
        String name = lower.substring(nameStart, nameEnd);
        boolean plural = name.endsWith("s") && !name.equals("stochastics") && !name.equals("bollinger bands");
        List<Double> before = new ArrayList<>();
        int start = nameStart;
        String prefix = lower.substring(0, nameStart);
        while (true) {
            Matcher m = BEFORE.matcher(prefix);
            // "2 ATR" is a multiple of the ATR, not its period; only "14-period ATR" sets the period before the name.
            if (!m.find() || kind == IndicatorKind.ATR && m.group(2) == null) {
                break;
            }
            before.addFirst(Double.parseDouble(m.group(1)));
            start = m.start(1);
            prefix = prefix.substring(0, m.start(1));
            // Lists go on through "and" only for plural names ("the 50 and 200-day moving averages"), through
            // commas for several parameters ("12, 26, 9 MACD"); "RSI below 30 and 50-day SMA" stops at "and".
            Matcher joiner = JOINER.matcher(prefix);
            if (!joiner.find() || !(plural || kind.params().size() > 1 && joiner.group().startsWith(","))) {
                break;
            }
            prefix = prefix.substring(0, joiner.start());
        }
        if ((name.equals("ma") || name.equals("mas")) && before.isEmpty()) {
            return List.of(); // "ma" alone is too often something else
        }
        int end = nameEnd;
        List<Double> after = new ArrayList<>();
        String suffix = lower.substring(nameEnd);
        Matcher named = NAMED_PERIOD.matcher(suffix);
        if (named.find()) {
            after.add(Double.parseDouble(named.group(1)));
            end += named.end();
        } else {
            int offset = 0;
            while (after.size() < kind.params().size()) {
                Matcher m = (offset == 0 ? AFTER_FIRST : AFTER_NEXT).matcher(suffix.substring(offset));
                if (!m.find()) {
                    break;
                }
                after.add(Double.parseDouble(m.group(1)));
                offset += m.end();
            }
            if (offset > 0 && suffix.substring(offset).matches("(?s)^\\s*\\).*")) {
                offset = suffix.indexOf(')', offset) + 1;
            }
            end += offset;
        }
        String output = null;
        Matcher said = OUTPUT_AFTER.matcher(lower.substring(end));
        if (said.find()) {
            String word = said.group(1).startsWith("signal") ? "signal" : said.group(1);
            if (kind.outputs().contains(word)) {
                output = word;
                end += said.end();
            }
        }
        if (plural && before.size() > 1) {
            // Each number is its own indicator; the shared name's span goes to the last one.
            List<Mention> each = new ArrayList<>();
            for (Double period : before) {
                each.add(mention(start, end, kind, List.of(period), output));
            }
            return each;
        }
        List<Double> stated = !before.isEmpty() ? before : after;
        return List.of(mention(start, end, kind, stated, output));
    }

    private static Mention mention(int start, int end, IndicatorKind kind, List<Double> stated, String output) {
        Map<String, Double> params = new LinkedHashMap<>();
        List<String> assumed = new ArrayList<>();
        for (int i = 0; i < kind.params().size(); i++) {
            IndicatorKind.Param param = kind.params().get(i);
            Double value = i < stated.size() ? stated.get(i) : null;
            if (value == null || !fits(param, value)) {
                params.put(param.name(), param.defaultValue());
                assumed.add(param.name());
            } else {
                params.put(param.name(), value);
            }
        }
        return new Mention(start, end, kind, params, List.copyOf(assumed), output);
    }

    private static boolean fits(IndicatorKind.Param param, double value) {
        return value >= param.min() && value <= param.max() && (!param.integer() || value == Math.rint(value));
    }

    /** The indicator in compact text with every parameter, e.g. {@code BOLLINGER(20, 2)}. */
    static String textForm(IndicatorKind kind, Map<String, Double> params) {
        if (params.isEmpty()) {
            return kind.wireName();
        }
        return kind.wireName() + "(" + String.join(", ", params.values().stream().map(Numbers::text).toList()) + ")";
    }

    /** The catalogue defaults of an indicator, all assumed. */
    static Mention defaults(int at, IndicatorKind kind) {
        return mention(at, at, kind, List.of(), null);
    }

    /** An indicator with the leading parameters given (the rest assumed). */
    static Mention stated(int at, IndicatorKind kind, List<Double> params) {
        return mention(at, at, kind, params, null);
    }
}
