package io.tradingedu.api.support;

import java.util.Collection;
import java.util.Locale;

/** Checks of query parameters that end in a {@link BadParameterException} naming the field and the reason. */
public final class Params {

    private Params() {
    }

    /** The value in lower case when it is one of {@code allowed}; {@code null} stays {@code null}. */
    public static String oneOf(String field, String value, Collection<String> allowed) {
        if (value == null) {
            return null;
        }
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalised)) {
            throw new BadParameterException(field, "must be one of " + String.join(", ", allowed) + "; got '"
                    + value + "'");
        }
        return normalised;
    }

    /** A fraction between 0 and 1 inclusive; {@code null} stays {@code null}. */
    public static Double fraction(String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new BadParameterException(field, "must be between 0 and 1; got " + value);
        }
        return value;
    }

    /** Longest free-text filter accepted: no trading term is longer. */
    public static final int MAX_TEXT = 200;

    /**
     * The stripped text, or {@code null} when it is absent or blank; control characters (which the database refuses,
     * NUL above all) and overlong values are a 400 naming the field.
     */
    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException(field, "must not contain control characters");
        }
        if (value.length() > MAX_TEXT) {
            throw new BadParameterException(field, "must be at most " + MAX_TEXT + " characters; got "
                    + value.length());
        }
        return value.strip();
    }
}
