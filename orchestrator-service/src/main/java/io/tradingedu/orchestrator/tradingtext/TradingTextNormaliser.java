package io.tradingedu.orchestrator.tradingtext;

import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites speech as recognisers and captions write it into the trading language the later stages read. Stateless
 * and idempotent (normalising normalised text changes nothing).
 * <ul>
 *   <li>Spoken numbers become digits: "thirty" → 30, "two hundred" → 200, "one thousand five hundred" → 1500,
 *       "one point five" → 1.5. Written digits stay as written.</li>
 *   <li>A number keeps its unit together: "fifty day moving average" → "50-day moving average", "fourteen
 *       period" → "14-period", "two percent" / "two per cent" → "2%", "half a percent" → "0.5%", "two R" → "2R",
 *       and in talk about risk and reward "one to three" → "1:3". "two times the risk" stays words ("2 times the
 *       risk"): the concept extractor reads it there.</li>
 *   <li>A lone "one" is English before it is a number ("no one", "one of the", "the one"): it becomes 1 only before
 *       percent, point, R, x, times, ATR, a ratio, or a unit that is clearly a measure ("one hour chart"; but "one
 *       day I decided" stays). In compounds ("twenty one", "one hundred") it is always a number.</li>
 *   <li>Spelled indicator acronyms are joined: "r s i" / "R.S.I." → RSI, "m a c d" / "mac d" → MACD, also EMA, SMA,
 *       WMA, ATR, VWAP, OBV, ADX, CCI, ROC; lower-case "rsi" or "macd" become capitals. Only this list: the "a" in
 *       "a stop" stays. A full stop that ended dotted letters ("R.S.I.") is dropped with the dots.</li>
 *   <li>Everything else, punctuation and casing included, is left as it was; punctuation between words stops
 *       merging ("thirty, five" stays two numbers).</li>
 * </ul>
 */
public final class TradingTextNormaliser {

    private static final Pattern WORD = Pattern.compile("\\S+");

    /** The text with the rules above applied; whitespace between untouched words is kept exactly. */
    public String normalise(String text) {
        Objects.requireNonNull(text, "text");
        List<String> words = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        int last = 0;
        while (matcher.find()) {
            gaps.add(text.substring(last, matcher.start()));
            words.add(matcher.group());
            last = matcher.end();
        }
        StringBuilder out = new StringBuilder();
        for (Rewriter.Span span : Rewriter.rewrite(words)) {
            out.append(gaps.get(span.from())).append(span.text());
        }
        return out.append(text.substring(last)).toString();
    }

    /**
     * The same rules on recognised words. Words merged into one ("two", "hundred", "day" → "200-day") take the
     * first word's start, the last word's end and the lowest confidence among them (a merged number is only as
     * certain as its least certain word; null when none had one). Untouched words are returned as they were.
     */
    public List<TimedWord> normaliseWords(List<TimedWord> words) {
        Objects.requireNonNull(words, "words");
        List<String> texts = words.stream().map(w -> w.text() == null ? "" : w.text()).toList();
        List<TimedWord> out = new ArrayList<>(words.size());
        for (Rewriter.Span span : Rewriter.rewrite(texts)) {
            TimedWord first = words.get(span.from());
            if (span.to() == span.from() + 1 && span.text().equals(texts.get(span.from()))) {
                out.add(first);
                continue;
            }
            List<TimedWord> merged = words.subList(span.from(), span.to());
            Double confidence = merged.stream().map(TimedWord::confidence).filter(Objects::nonNull)
                    .min(Double::compare).orElse(null);
            out.add(new TimedWord(span.text(), first.start(), merged.getLast().end(), confidence));
        }
        return out;
    }
}
