package io.tradingedu.orchestrator.tradingtext;

import java.util.Locale;

/**
 * One whitespace-separated word split into the punctuation before it, its core and the punctuation after it, so
 * that rewriting the core ("thirty," → "30,") keeps what surrounds it.
 *
 * @param core  the word without surrounding punctuation, original case ({@code $} and {@code %} count as core)
 * @param lower {@link #core} in lower case, for matching
 */
record Word(String lead, String core, String trail, String lower) {

    static Word of(String raw) {
        int start = 0;
        while (start < raw.length() && !isCore(raw.charAt(start), true)) {
            start++;
        }
        int end = raw.length();
        while (end > start && !isCore(raw.charAt(end - 1), false)) {
            end--;
        }
        String core = raw.substring(start, end);
        return new Word(raw.substring(0, start), core, raw.substring(end), core.toLowerCase(Locale.ROOT));
    }

    private static boolean isCore(char c, boolean leading) {
        return Character.isLetterOrDigit(c) || (leading ? c == '$' : c == '%');
    }

    /** Whether this word and the next can be read as one phrase: no punctuation between them. */
    boolean joinsWith(Word next) {
        return trail.isBlank() && next.lead.isBlank() && !core.isEmpty() && !next.core.isEmpty();
    }
}
