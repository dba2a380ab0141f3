package io.tradingedu.orchestrator.tradingtext;

import io.tradingedu.orchestrator.tradingtext.NumberWords.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies the normalisation rules to a list of words and says which words became what. Shared by text and timed
 * words, so both get exactly the same rules.
 */
final class Rewriter {

    /** Words {@code from} (inclusive) to {@code to} (exclusive) become {@code text}. */
    record Span(int from, int to, String text) {
    }

    /** Singular units make a compound adjective: "fifty day moving average" → "50-day moving average". */
    private static final Set<String> UNITS = Set.of("day", "period", "week", "bar", "minute", "hour", "month",
            "candle", "year");
    /** After "one day" (and the like) these make it a measure rather than "one day I decided". */
    private static final Set<String> ONE_UNIT_CONTEXT = Set.of("chart", "charts", "candle", "candles", "timeframe",
            "time", "moving", "average", "ma", "sma", "ema", "wma", "rsi", "atr", "vwap", "high", "low", "close",
            "range", "bar", "bars", "period", "trend", "holding", "hold", "stop", "return", "view");
    /** After a lone "one", these make it a number ("one times the ATR"). */
    private static final Set<String> ONE_NUMBER_CONTEXT = Set.of("x", "times", "atr", "atrs");
    private static final Pattern DIGITS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern HYPHENATED_UNIT = Pattern.compile("((?:[a-z]+-)+)([a-z]+)");
    private static final int RISK_REWARD_WINDOW = 8;

    private final List<String> raw;
    private final List<Word> words;
    private final List<String> lowers;

    private Rewriter(List<String> raw) {
        this.raw = raw;
        this.words = raw.stream().map(Word::of).toList();
        this.lowers = words.stream().map(Word::lower).toList();
    }

    static List<Span> rewrite(List<String> rawWords) {
        return new Rewriter(rawWords).spans();
    }

    private List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Span span = acronym(i);
            if (span == null) {
                span = halfPercent(i);
            }
            if (span == null) {
                span = number(i);
            }
            if (span == null) {
                span = hyphenatedMeasure(i);
            }
            if (span == null) {
                String upper = SpokenAcronyms.capitalised(words.get(i));
                span = new Span(i, i + 1, upper == null ? raw.get(i) : replaced(i, i + 1, upper));
            }
            spans.add(span);
            i = span.to();
        }
        return spans;
    }

    private Span acronym(int i) {
        SpokenAcronyms.Match match = SpokenAcronyms.at(words, i);
        if (match == null) {
            return null;
        }
        String trail = words.get(match.to() - 1).trail();
        if (match.dotted() && trail.startsWith(".")) {
            trail = trail.substring(1);
        }
        return new Span(i, match.to(), words.get(i).lead() + match.acronym() + trail);
    }

    /** Spoken numbers become digits; numbers (spoken or written) take their unit, percent, R or ratio along. */
    private Span number(int i) {
        Reading reading = NumberWords.read(lowers, i, this::joinable);
        boolean spoken = reading != null;
        if (!spoken) {
            if (!DIGITS.matcher(words.get(i).core()).matches()) {
                return null;
            }
            reading = new Reading(words.get(i).core(), i, i + 1, false);
        }
        Span suffixed = suffixed(reading);
        if (suffixed != null || !spoken || reading.loneOne()) {
            return suffixed;
        }
        return new Span(i, reading.to(), replaced(i, reading.to(), reading.digits()));
    }

    private Span suffixed(Reading number) {
        int from = number.from();
        int j = number.to();
        if (j >= words.size() || !joinable(j - 1)) {
            return null;
        }
        String v = number.digits();
        String next = lowers.get(j);
        if (next.equals("percent") || next.equals("pct")) {
            return new Span(from, j + 1, replaced(from, j + 1, v + "%"));
        }
        if (next.equals("per") && joinable(j) && lowers.get(j + 1).equals("cent")) {
            return new Span(from, j + 2, replaced(from, j + 2, v + "%"));
        }
        if (UNITS.contains(next) && (!v.equals("1") || joinable(j) && ONE_UNIT_CONTEXT.contains(lowers.get(j + 1)))) {
            return new Span(from, j + 1, replaced(from, j + 1, v + "-" + words.get(j).core()));
        }
        if (next.equals("r") && !(j + 1 < words.size() && joinable(j) && lowers.get(j + 1).length() == 1)) {
            return new Span(from, j + 1, replaced(from, j + 1, v + "R"));
        }
        if (next.equals("to") && joinable(j) && j + 1 < words.size() && nearRiskOrReward(from)) {
            Reading other = NumberWords.read(lowers, j + 1, this::joinable);
            if (other == null && DIGITS.matcher(words.get(j + 1).core()).matches()) {
                other = new Reading(words.get(j + 1).core(), j + 1, j + 2, false);
            }
            if (other != null) {
                return new Span(from, other.to(), replaced(from, other.to(), v + ":" + other.digits()));
            }
        }
        if (number.loneOne() && ONE_NUMBER_CONTEXT.contains(next)) {
            return new Span(from, j, replaced(from, j, v));
        }
        return null;
    }

    /** "half a percent" (and "half a per cent", "half percent") is how traders say 0.5%. */
    private Span halfPercent(int i) {
        if (!lowers.get(i).equals("half")) {
            return null;
        }
        int j = i + 1;
        if (j < words.size() && joinable(j - 1) && lowers.get(j).equals("a")) {
            j++;
        }
        if (j < words.size() && joinable(j - 1) && (lowers.get(j).equals("percent") || lowers.get(j).equals("pct"))) {
            return new Span(i, j + 1, replaced(i, j + 1, "0.5%"));
        }
        if (j + 1 < words.size() && joinable(j - 1) && joinable(j) && lowers.get(j).equals("per")
                && lowers.get(j + 1).equals("cent")) {
            return new Span(i, j + 2, replaced(i, j + 2, "0.5%"));
        }
        return null;
    }

    /** "fifty-day", "two-hundred-day", "fourteen-period" written with hyphens by a caption editor. */
    private Span hyphenatedMeasure(int i) {
        var matcher = HYPHENATED_UNIT.matcher(lowers.get(i));
        if (!matcher.matches() || !UNITS.contains(matcher.group(2))) {
            return null;
        }
        List<String> parts = List.of(matcher.group(1).split("-"));
        Reading reading = NumberWords.read(parts, 0, k -> true);
        if (reading == null || reading.to() != parts.size()) {
            return null;
        }
        String unit = words.get(i).core().substring(words.get(i).core().length() - matcher.group(2).length());
        return new Span(i, i + 1, replaced(i, i + 1, reading.digits() + "-" + unit));
    }

    /** "one to three" is a ratio only where risk or reward is being discussed. */
    private boolean nearRiskOrReward(int at) {
        for (int k = Math.max(0, at - RISK_REWARD_WINDOW); k < Math.min(words.size(), at + RISK_REWARD_WINDOW); k++) {
            String w = lowers.get(k);
            if (w.contains("risk") || w.contains("reward") || w.equals("ratio") || w.equals("rr")) {
                return true;
            }
        }
        return false;
    }

    private boolean joinable(int i) {
        return i >= 0 && i + 1 < words.size() && words.get(i).joinsWith(words.get(i + 1));
    }

    /** The new text keeps the punctuation before the first word and after the last. */
    private String replaced(int from, int to, String text) {
        return words.get(from).lead() + text + words.get(to - 1).trail();
    }
}
