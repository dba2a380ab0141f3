package io.tradingedu.embeddings.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Transcript-like sentences of trading lessons for the tests and the benchmark. */
final class TradingSentences {

    private TradingSentences() {
    }

    /** Hand-written lines: short and long, punctuation, numbers, tickers, a question, a list. */
    static final List<String> VARIED = List.of(
            "Buy the breakout.",
            "Take profit at the target.",
            "Exit with a gain.",
            "The weather is sunny today.",
            "Place your stop loss just below the last swing low, around 1.0850 on EUR/USD.",
            "When the 50-day moving average crosses above the 200-day, traders call it a golden cross.",
            "RSI above 70 means overbought; below 30, oversold — but in a strong trend it can stay there for weeks.",
            "Never risk more than 1% of your account on a single trade.",
            "So what do we do here? We wait for the candle to close above resistance, then we enter.",
            "AAPL gapped up 4.5% at the open after earnings beat estimates by $0.12 per share.",
            "A doji after a long uptrend shows indecision: buyers and sellers are balanced.",
            "Volume confirms the move; a breakout on low volume is often a fake-out.",
            "Support becomes resistance once it's broken - that's the principle of polarity.",
            "Let me show you on the chart: here's the head, here are the two shoulders, and this is the neckline.",
            "The MACD histogram shrinking while price makes higher highs is a bearish divergence.",
            "Position size = account risk / (entry price - stop price).",
            "I like to scale out: half at 1R, the rest with a trailing stop under the 20 EMA.",
            "Bitcoin dropped from 69,000 to 15,500 dollars in about a year, a drawdown of roughly 77 percent.",
            "Okay.",
            "Fibonacci retracements at 38.2%, 50% and 61.8% often act as support in an uptrend, and many traders"
                    + " watch the 61.8% level, the so-called golden ratio, as the last line before the trend is"
                    + " considered broken; if price closes below it on a daily chart, I step aside and wait.",
            "Options lose value every day through theta decay, which is why selling premium can be profitable when"
                    + " implied volatility is high and the underlying stays in a range.",
            "Bollinger Bands squeeze tight before big moves.",
            "Don't revenge trade after a loss!",
            "Earnings season, FOMC meetings and CPI releases: mark them on your calendar, spreads widen and stops"
                    + " get skipped.");

    /** A lesson transcript far over the model's input limit (> 600 words). */
    static String longLesson() {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (text.toString().split("\\s+").length < 650) {
            text.append(VARIED.get(i++ % VARIED.size())).append(' ');
        }
        return text.toString().strip();
    }

    private static final String[] OPENERS = {"So", "Now", "Okay, so", "Remember,", "Here", "Basically,", "And then",
        "Look,", "In this lesson", "Right, and"};
    private static final String[] SUBJECTS = {"the price", "the stock", "this candle", "the trend line", "the market",
        "the moving average", "the RSI", "volume", "the order book", "your stop loss", "the breakout",
        "the support level", "bitcoin", "the S&P 500", "the 20-period EMA", "the MACD line"};
    private static final String[] VERBS = {"breaks above", "bounces off", "tests", "closes below", "rejects",
        "pulls back to", "consolidates near", "diverges from", "crosses", "retraces to"};
    private static final String[] OBJECTS = {"resistance", "the previous high", "the 200-day average",
        "the neckline", "the upper band", "the 61.8 percent retracement", "the opening range", "a key level",
        "the daily pivot", "the value area", "yesterday's close", "the round number at 4,500"};
    private static final String[] TAILS = {"and that's our entry", "so we wait for confirmation",
        "which tells us buyers are in control", "with volume picking up",
        "and I'd put my stop just below that wick", "so we take half off the table here",
        "on the fifteen-minute chart", "after the news release at 8:30",
        "and the risk to reward is about three to one", "which is a classic bull flag",
        "but only if the candle closes there", "so don't chase it"};

    /**
     * Realistic transcript sentences of 5–40 words, generated deterministically (fixed seed) so every benchmark run
     * embeds the same text.
     */
    static List<String> transcript(int count) {
        Random random = new Random(42);
        List<String> sentences = new ArrayList<>(count);
        while (sentences.size() < count) {
            StringBuilder s = new StringBuilder();
            int clauses = 1 + random.nextInt(3);
            for (int c = 0; c < clauses; c++) {
                if (c > 0) {
                    s.append(random.nextBoolean() ? ", and " : "; then ");
                }
                s.append(c == 0 ? pick(random, OPENERS) + " " : "").append(pick(random, SUBJECTS)).append(' ')
                        .append(pick(random, VERBS)).append(' ').append(pick(random, OBJECTS));
                if (random.nextInt(3) > 0) {
                    s.append(' ').append(pick(random, TAILS));
                }
            }
            String sentence = s.append('.').toString();
            int words = sentence.split("\\s+").length;
            if (random.nextInt(6) == 0 && words <= 8) {
                sentences.add(pick(random, SUBJECTS) + " " + pick(random, VERBS) + " it.");
            } else if (words >= 5 && words <= 40) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
