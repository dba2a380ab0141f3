package io.tradingedu.orchestrator.tradingtext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Indicator acronyms as recognisers and captions spell them: "r s i", "R.S.I.", "mac d". Only this list is joined,
 * so ordinary single letters ("a stop", "I think") are never touched.
 */
final class SpokenAcronyms {

    static final Set<String> KNOWN = Set.of("RSI", "MACD", "EMA", "SMA", "WMA", "ATR", "VWAP", "OBV", "ADX", "CCI",
            "ROC");
    /** Spoken forms that are not letter by letter. */
    private static final Map<List<String>, String> SPOKEN = Map.of(
            List.of("mac", "d"), "MACD",
            List.of("mack", "d"), "MACD",
            List.of("v", "wap"), "VWAP");
    private static final Pattern DOTTED = Pattern.compile("(?:[A-Za-z]\\.)+[A-Za-z]");
    private static final int LONGEST = 4;

    /**
     * @param to     the word after the acronym
     * @param dotted the letters were written with full stops, one of which the last word's punctuation still holds
     */
    record Match(String acronym, int to, boolean dotted) {
    }

    private SpokenAcronyms() {
    }

    /** The longest known acronym spelled from word {@code from}, or null. */
    static Match at(List<Word> words, int from) {
        Word first = words.get(from);
        if (DOTTED.matcher(first.core()).matches()) {
            String letters = first.core().replace(".", "").toUpperCase(Locale.ROOT);
            return KNOWN.contains(letters) ? new Match(letters, from + 1, true) : null;
        }
        for (var spoken : SPOKEN.entrySet()) {
            if (spells(words, from, spoken.getKey())) {
                return new Match(spoken.getValue(), from + spoken.getKey().size(), false);
            }
        }
        Match best = null;
        StringBuilder letters = new StringBuilder();
        boolean dotted = true;
        for (int k = from; k < words.size() && letters.length() < LONGEST; k++) {
            Word word = words.get(k);
            if (!isLetter(word) || (k > from && !letterJoins(words.get(k - 1), word))) {
                break;
            }
            letters.append(word.core().toUpperCase(Locale.ROOT));
            dotted &= word.trail().startsWith(".");
            if (k > from && KNOWN.contains(letters.toString())) {
                best = new Match(letters.toString(), k + 1, dotted);
            }
        }
        return best;
    }

    /**
     * A known acronym written as a lower-case word ("rsi", "macd", also "MacD"), in capitals; otherwise null. Other
     * mixed-case forms stay: "Ema" is more likely a name than an average.
     */
    static String capitalised(Word word) {
        String upper = word.core().toUpperCase(Locale.ROOT);
        boolean lower = word.core().equals(word.lower());
        return KNOWN.contains(upper) && !word.core().equals(upper) && (lower || upper.equals("MACD")) ? upper : null;
    }

    private static boolean spells(List<Word> words, int from, List<String> form) {
        if (from + form.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < form.size(); i++) {
            Word word = words.get(from + i);
            if (!word.lower().equals(form.get(i)) || (i > 0 && !letterJoins(words.get(from + i - 1), word))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(Word word) {
        return word.core().length() == 1 && Character.isLetter(word.core().charAt(0))
                && word.core().charAt(0) < 128;
    }

    /** Spelled letters may carry their own full stop ("r. s. i."), nothing else. */
    private static boolean letterJoins(Word previous, Word next) {
        return (previous.trail().isEmpty() || previous.trail().equals(".")) && next.lead().isEmpty();
    }
}
