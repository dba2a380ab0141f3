package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chart timeframe a lesson works on, named like market-data timeframes: {@code 15m}, {@code 1h}, {@code 4h},
 * {@code 1d}, {@code 1w}, {@code 1mo}. "On the four hour" is normalised to "4-hour"; a length before an indicator
 * ("50-day moving average") is that indicator's period, not a timeframe, so days and weeks need a chart word.
 */
final class TimeframeRules {

    private static final Pattern CHART_WORD = Pattern.compile("\\s*(?:charts?|time ?frames?|candles?|candlesticks?|"
            + "bars?)\\b");
    private static final Pattern MEASURE = Pattern.compile("\\b(\\d+)-(minute|min|hour|day|week)\\b");
    private static final Pattern NAMED = Pattern.compile("\\b(?:on\\s+the\\s+)?(daily|hourly|weekly|monthly)"
            + "(?=\\s*(?:charts?|time ?frames?|candles?|bars?|closes?)\\b|\\s*[,.;]|\\s*$)");
    private static final Pattern COMPACT = Pattern.compile("(?<![\\w.])(?:(1|3|5|15|30|45)m|(1|2|3|4|6|8|12)h|"
            + "[mh](1|5|15|30|4)|(1)d|d(1)|(1)w|w(1))(?![\\w.])");
    private static final Pattern INDICATOR_AFTER = Pattern.compile("^\\s*(?:simple |exponential |weighted )?"
            + "(?:moving average|ma|sma|ema|wma|rsi|atr|macd|average|high|low|range|vwap|bollinger|stochastic|cci|adx|"
            + "roc|donchian|keltner|period|lookback)\\b");
    private static final Map<String, String> UNITS = Map.of("minute", "m", "min", "m", "hour", "h", "day", "d",
            "week", "w");
    private static final Map<String, String> NAMES = Map.of("daily", "1d", "hourly", "1h", "weekly", "1w",
            "monthly", "1mo");

    private TimeframeRules() {
    }

    static List<Finding> find(String lower) {
        List<Finding> found = new ArrayList<>();
        Matcher m = MEASURE.matcher(lower);
        while (m.find()) {
            String rest = lower.substring(m.end());
            String unit = UNITS.get(m.group(2));
            boolean chart = CHART_WORD.matcher(rest).lookingAt();
            boolean intraday = unit.equals("m") || unit.equals("h");
            if (chart || intraday && !INDICATOR_AFTER.matcher(rest).find()) {
                add(found, m.start(), Integer.parseInt(m.group(1)), unit);
            }
        }
        Matcher named = NAMED.matcher(lower);
        while (named.find()) {
            String name = NAMES.get(named.group(1));
            found.add(new Finding(named.start(), "timeframe", name, Map.of(), name, 0.85));
        }
        Matcher compact = COMPACT.matcher(lower);
        while (compact.find()) {
            String text = compact.group();
            String unit = text.replaceAll("\\d", "");
            String digits = text.replaceAll("\\D", "");
            add(found, compact.start(), Integer.parseInt(digits), unit);
        }
        return found;
    }

    private static void add(List<Finding> found, int at, int amount, String unit) {
        if (amount <= 0) {
            return;
        }
        String name = unit.equals("m") && amount % 60 == 0 ? amount / 60 + "h" : amount + unit;
        found.add(new Finding(at, "timeframe", name, Map.of(), name, 0.85));
    }
}
