package io.tradingedu.api.media;

import io.tradingedu.api.support.Params;

/**
 * The Library's text filter ({@code GET /media_items?q=}): items whose name (the file name, the only title the
 * catalogue keeps) contains the text, case-insensitively. The text is matched literally: {@code %}, {@code _} and
 * the escape character itself are escaped, so "50%" finds "50% rule.mp4" and not every name with "50" in it.
 * Bounded like every free-text filter ({@link Params#text}: at most {@value Params#MAX_TEXT} characters, no control
 * characters), and it travels as a bind parameter.
 *
 * <p>No index serves it: a contains-match cannot use a B-tree, and a catalogue of lessons is small (measured on
 * 2 cores: the count over 100,000 names of ~70 characters takes ~125 ms, over 10,000 about a tenth of that). A
 * trigram index (pg_trgm) would make it milliseconds at any size, but needs that extension created in every
 * database the suite deploys to (local stack, compose, CloudNativePG): worth it only for a far larger catalogue.
 */
public record NameFilter(String text) {

    private static final char ESCAPE = '\\';

    /** The filter for a query parameter, or {@code null} when it is absent or blank; a 400 naming {@code q} else. */
    static NameFilter of(String q) {
        String text = Params.text("q", q);
        return text == null ? null : new NameFilter(text);
    }

    /** {@code %text%} with the text's own wildcards escaped (the query says {@code ESCAPE '\'}). */
    String likePattern() {
        StringBuilder pattern = new StringBuilder(text.length() + 8).append('%');
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
