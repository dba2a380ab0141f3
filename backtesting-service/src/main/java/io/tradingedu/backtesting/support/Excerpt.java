package io.tradingedu.backtesting.support;

/**
 * At most {@link #MAX} characters of a client's text, for error messages: a reply must not echo a megabyte line back,
 * nor control characters into a log.
 */
public final class Excerpt {

    public static final int MAX = 80;

    private Excerpt() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
