package io.tradingedu.embeddings.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Questions a trader types into the search box, built from templates and topics in a fixed order (same every run). */
final class TradingQuestions {

    private TradingQuestions() {
    }

    private static final String[] TEMPLATES = {
        "how do I trade %s", "what is %s", "when should I use %s", "where do I put my stop loss with %s",
        "how reliable is %s on the daily chart", "what does %s tell me about the trend",
        "is %s better for day trading or swing trading", "how to confirm %s with volume",
        "why does %s fail in a sideways market", "best settings for %s", "explain %s for beginners",
        "how to take profits with %s", "what is the risk to reward of %s", "common mistakes with %s",
        "show me an example of %s on the chart"};

    private static final String[] TOPICS = {
        "a breakout above resistance", "an RSI divergence", "a golden cross", "a bull flag", "the MACD crossover",
        "a head and shoulders pattern", "the 200-day moving average", "a Bollinger Band squeeze", "a double bottom",
        "an NR7 day", "a gap up at the open", "VWAP", "the 61.8 percent Fibonacci retracement", "a doji candle",
        "support and resistance levels", "the opening range breakout", "a hammer candlestick", "a trailing stop",
        "position sizing", "an inside bar", "the stochastic oscillator", "a cup and handle", "a volume spike",
        "a pullback to the 20 EMA"};

    /** {@code count} distinct questions (at most templates × topics = 360). */
    static List<String> first(int count) {
        List<String> all = new ArrayList<>(TEMPLATES.length * TOPICS.length);
        for (String template : TEMPLATES) {
            for (String topic : TOPICS) {
                all.add(template.formatted(topic));
            }
        }
        if (count > all.size()) {
            throw new IllegalArgumentException(count + " questions asked; at most " + all.size() + " are distinct");
        }
        // shuffled so that any prefix mixes templates and topics
        Collections.shuffle(all, new Random(7));
        return List.copyOf(all.subList(0, count));
    }
    private static final String[] SUBJECTS = {"the price", "the stock", "this candle", "the trend line", "the market",
        "the moving average", "the RSI", "volume", "the order book", "your stop loss", "the breakout",
        "the support level", "bitcoin", "the S&P 500", "the 20-period EMA", "the MACD line", "the gap",
        "the opening range", "the bull flag", "the double bottom"};
    private static final String[] VERBS = {"breaks above", "bounces off", "tests", "closes below", "rejects",
        "pulls back to", "consolidates near", "diverges from", "crosses", "retraces to", "stalls at", "gaps over"};
    private static final String[] OBJECTS = {"resistance", "the previous high", "the 200-day average",
        "the neckline", "the upper band", "the 61.8 percent retracement", "the opening range", "a key level",
        "the daily pivot", "the value area", "yesterday's close", "the round number", "VWAP", "the weekly low"};
    private static final String[] TAILS = {"and that's our entry", "so we wait for confirmation",
        "which tells us buyers are in control", "with volume picking up",
        "and I'd put my stop just below that wick", "so we take half off the table here",
        "on the fifteen-minute chart", "after the news release", "and the risk to reward is about three to one",
        "which is a classic continuation", "but only if the candle closes there", "so don't chase it",
        "while sellers keep defending it", "before earnings"};

    /** {@code count} distinct transcript-like statements (subject, verb, object, tail), the same every run. */
    static List<String> statements(int count) {
        int distinct = SUBJECTS.length * VERBS.length * OBJECTS.length * TAILS.length;
        if (count > distinct) {
            throw new IllegalArgumentException(count + " statements asked; at most " + distinct + " are distinct");
        }
        Random random = new Random(3);
        Set<String> statements = new LinkedHashSet<>();
        while (statements.size() < count) {
            statements.add(pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS) + " "
                    + pick(random, TAILS) + ".");
        }
        return List.copyOf(statements);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
