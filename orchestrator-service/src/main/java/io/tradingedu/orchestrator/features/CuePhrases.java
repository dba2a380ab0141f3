package io.tradingedu.orchestrator.features;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Small documented word lists (docs/features.md lists them too) and how they are counted: case-insensitive, whole
 * words, longest phrase first, no overlaps ("higher highs" counts once, not also as "higher high").
 */
final class CuePhrases {

    static final CuePhrases BULLISH = new CuePhrases(List.of("bullish", "bull", "bulls", "uptrend", "uptrends",
            "up trend", "rally", "rallies", "rallying", "breakout", "breakouts", "higher high", "higher highs",
            "higher low", "higher lows", "buying pressure", "buyers", "upside", "golden cross", "accumulation"));

    static final CuePhrases BEARISH = new CuePhrases(List.of("bearish", "bear", "bears", "downtrend", "downtrends",
            "down trend", "sell-off", "selloff", "sell off", "breakdown", "breakdowns", "lower high", "lower highs",
            "lower low", "lower lows", "selling pressure", "sellers", "downside", "death cross", "distribution"));

    static final CuePhrases EXPLANATIONS = new CuePhrases(List.of("because", "the reason", "that's why",
            "that is why", "this means", "that means", "which means", "in other words", "so that"));

    static final CuePhrases EXAMPLES = new CuePhrases(List.of("for example", "for instance", "let's say",
            "let us say", "such as", "imagine", "as an example", "say you"));

    static final CuePhrases STEPS = new CuePhrases(List.of("step", "steps", "first of all", "firstly", "secondly",
            "thirdly", "finally", "number one", "number two", "number three"));

    /** How a question begins when the transcript has no question mark (speech recognisers write none). */
    static final CuePhrases QUESTION_OPENINGS = new CuePhrases(List.of("what", "why", "how", "who", "is it",
            "are you", "do you", "does it", "can you", "should you", "would you", "have you"));

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final Pattern pattern;
    private final Pattern opening;

    private CuePhrases(List<String> phrases) {
        String alternatives = phrases.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q")).collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\w'-])(?:" + alternatives + ")(?![\\w'-])", Pattern.CASE_INSENSITIVE);
        this.opening = Pattern.compile("^\\W*(?:" + alternatives + ")(?![\\w'-])", Pattern.CASE_INSENSITIVE);
    }

    /** Occurrences in the text. */
    int count(String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * Questions in the units of text (transcript segments): sentences that end with a question mark or, for text
     * without one, begin with a {@link #QUESTION_OPENINGS question opening}. Each sentence counts once.
     */
    static int questions(List<String> units) {
        int n = 0;
        for (String unit : units) {
            for (String sentence : SENTENCE_END.split(unit.strip())) {
                String s = sentence.strip().toLowerCase(Locale.ROOT);
                if (!s.isEmpty() && (s.endsWith("?") || QUESTION_OPENINGS.opening.matcher(s).find())) {
                    n++;
                }
            }
        }
        return n;
    }
}
