package io.tradingedu.orchestrator.concepts;

import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.PriceField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Price channels said in words: "the 20-day high", "a 10-day low", "the highest high of the last 55 days", "the
 * lowest low over the past 10 bars" → {@code HIGHEST(high, 20)} / {@code LOWEST(low, 10)}. Weeks count as bars of the
 * chart, like days. As a level to compare the close with, the channel must end at the bar before ({@link #lagged}):
 * the current bar's own high is in {@code HIGHEST(high, 20)}, so the close can never exceed it.
 */
final class Levels {

    record Level(int start, int end, Expression expression) {
    }

    private static final String UNIT = "(?:day|bar|week|period|candle|session)";
    private static final Pattern CHANNEL = Pattern.compile("\\b(\\d+)-" + UNIT + "\\s+(high|low)s?\\b");
    private static final Pattern EXTREME = Pattern.compile("\\b(highest high|lowest low|high|low)s?\\s+"
            + "(?:of|over|in|from)\\s+the\\s+(?:last|past|previous|prior|preceding)\\s+(\\d+)\\s+" + UNIT + "s?\\b");

    private Levels() {
    }

    /** Every channel said in the lower-case sentence, in order. */
    static List<Level> find(String lower) {
        List<Level> found = new ArrayList<>();
        Matcher extreme = EXTREME.matcher(lower);
        while (extreme.find()) {
            found.add(new Level(extreme.start(), extreme.end(),
                    channel(extreme.group(1).contains("high"), Integer.parseInt(extreme.group(2)))));
        }
        Matcher channel = CHANNEL.matcher(lower);
        while (channel.find()) {
            int s = channel.start();
            int e = channel.end();
            if (found.stream().noneMatch(l -> l.start() < e && s < l.end())) {
                found.add(new Level(s, e, channel(channel.group(2).equals("high"), Integer.parseInt(channel.group(1)))));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** {@code HIGHEST(high, n)} or {@code LOWEST(low, n)}, including the current bar. */
    static Expression channel(boolean high, int bars) {
        return new Expression.IndicatorRef(high ? "HIGHEST" : "LOWEST", Map.of("period", (double) bars), null,
                new Expression.Price(high ? PriceField.HIGH : PriceField.LOW));
    }

    /** The channel as it stood on the bar before: {@code HIGHEST(high, 20)[1]}. */
    static Expression lagged(Expression level) {
        return new Expression.IndicatorRef("LAG", Map.of("bars", 1.0), null, level);
    }
}
