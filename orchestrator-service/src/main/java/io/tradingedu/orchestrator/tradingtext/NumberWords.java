package io.tradingedu.orchestrator.tradingtext;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Reads spoken cardinals as recognisers write them: "fourteen", "two hundred and fifty", "one thousand five hundred",
 * "fifteen hundred", "twenty-five", "one point five". Sequences that do not make one number stop the reading, so
 * "two three" is two numbers, not five.
 */
final class NumberWords {

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Long> SCALES = Map.of("thousand", 1_000L, "million", 1_000_000L);

    /** What the last word read was; decides which words may follow. */
    private enum Last { NONE, ZERO, UNIT, TEEN, TENS, HUNDRED, SCALE, AND }

    /**
     * A number read from words {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param digits  the number written with digits, e.g. {@code 1500} or {@code 1.5}
     * @param loneOne the words were just "one", which English also uses as a pronoun ("no one", "the one")
     */
    record Reading(String digits, int from, int to, boolean loneOne) {
    }

    private NumberWords() {
    }

    /** Whether the lower-case word (or hyphenated compound such as "twenty-five") is a number word. */
    static boolean startsNumber(String core) {
        String first = core.split("-", -1)[0];
        return SMALL.containsKey(first) || TENS.containsKey(first);
    }

    /**
     * Reads the longest number starting at {@code from}.
     *
     * @param cores    lower-case words without surrounding punctuation
     * @param joinable whether word i and word i+1 may be merged (no punctuation between them)
     * @return null when no number starts there
     */
    static Reading read(List<String> cores, int from, IntPredicate joinable) {
        if (from >= cores.size() || !startsNumber(cores.get(from))) {
            return null;
        }
        Cardinal cardinal = new Cardinal();
        int end = from;
        while (end < cores.size() && (end == from || joinable.test(end - 1))) {
            Cardinal attempt = cardinal.copy();
            if (!attempt.acceptAll(cores.get(end).split("-", -1))) {
                break;
            }
            cardinal = attempt;
            end++;
        }
        // A trailing "and" belongs to the sentence, not to the number ("two hundred and then ...").
        while (end > from && cores.get(end - 1).equals("and")) {
            end--;
        }
        if (end == from || cardinal.last == Last.NONE) {
            return null;
        }
        String digits = Long.toString(cardinal.total + cardinal.group);
        boolean lone = end == from + 1 && cores.get(from).equals("one");
        if (end + 1 < cores.size() && cores.get(end).equals("point") && joinable.test(end - 1) && joinable.test(end)) {
            Reading fraction = fraction(cores, end + 1, joinable);
            if (fraction != null) {
                return new Reading(digits + "." + fraction.digits(), from, fraction.to(), false);
            }
        }
        return new Reading(digits, from, end, lone);
    }

    /** Digits after "point": one digit word each ("one point two five"), or one compound ("one point twenty five"). */
    private static Reading fraction(List<String> cores, int from, IntPredicate joinable) {
        StringBuilder digits = new StringBuilder();
        int i = from;
        while (i < cores.size() && (i == from || joinable.test(i - 1))) {
            Integer value = SMALL.get(cores.get(i));
            if (value == null || value > 9) {
                break;
            }
            digits.append(value);
            i++;
        }
        if (!digits.isEmpty()) {
            return new Reading(digits.toString(), from, i, false);
        }
        Integer teen = SMALL.get(cores.get(from));
        if (teen != null) {
            return new Reading(Integer.toString(teen), from, from + 1, false);
        }
        Integer tens = TENS.get(cores.get(from));
        if (tens == null) {
            return null;
        }
        Integer unit = from + 1 < cores.size() && joinable.test(from) ? SMALL.get(cores.get(from + 1)) : null;
        return unit != null && unit > 0 && unit < 10
                ? new Reading(Integer.toString(tens + unit), from, from + 2, false)
                : new Reading(Integer.toString(tens), from, from + 1, false);
    }

    /** The state of reading one cardinal. */
    private static final class Cardinal {
        long total;
        long group;
        long lastScale = Long.MAX_VALUE;
        Last last = Last.NONE;

        Cardinal copy() {
            Cardinal c = new Cardinal();
            c.total = total;
            c.group = group;
            c.lastScale = lastScale;
            c.last = last;
            return c;
        }

        boolean acceptAll(String[] words) {
            for (String word : words) {
                if (!accept(word)) {
                    return false;
                }
            }
            return true;
        }

        boolean accept(String word) {
            Integer small = SMALL.get(word);
            Integer tens = TENS.get(word);
            Long scale = SCALES.get(word);
            boolean groupStart = last == Last.NONE || last == Last.HUNDRED || last == Last.SCALE || last == Last.AND;
            if (small != null && small == 0) {
                return set(last == Last.NONE, Last.ZERO, 0);
            }
            if (small != null && small < 10) {
                return set(groupStart || last == Last.TENS, Last.UNIT, small);
            }
            if (small != null) {
                return set(groupStart, Last.TEEN, small);
            }
            if (tens != null) {
                return set(groupStart, Last.TENS, tens);
            }
            boolean afterNumber = last == Last.UNIT || last == Last.TEEN || last == Last.TENS;
            if (word.equals("hundred") && afterNumber && group > 0 && group < 100) {
                group *= 100;
                last = Last.HUNDRED;
                return true;
            }
            if (scale != null && (afterNumber || last == Last.HUNDRED) && group > 0 && scale < lastScale) {
                total += group * scale;
                group = 0;
                lastScale = scale;
                last = Last.SCALE;
                return true;
            }
            if (word.equals("and") && (last == Last.HUNDRED || last == Last.SCALE)) {
                last = Last.AND;
                return true;
            }
            return false;
        }

        private boolean set(boolean allowed, Last next, int value) {
            if (!allowed) {
                return false;
            }
            group += value;
            last = next;
            return true;
        }
    }
}
