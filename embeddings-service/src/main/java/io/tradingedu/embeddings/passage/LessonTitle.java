package io.tradingedu.embeddings.passage;

import java.util.Optional;

/**
 * A lesson's title as its file name tells it ("Taking profits - scaling out.mp4", "rsi-2-mean-reversion.mp4"), or
 * nothing when the name says nothing (a camera's "VID_20231102_1234.mp4", a hash). Passages are embedded with the
 * title before their text, so a passage carries what its lesson is about even when its own words do not say it.
 */
public final class LessonTitle {

    private static final int MIN_WORDS = 2;

    private LessonTitle() {
    }

    public static Optional<String> of(String filename) {
        if (filename == null || filename.isBlank()) {
            return Optional.empty();
        }
        String name = filename.strip();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replace('_', ' ').replace('.', ' ');
        if (!name.contains(" ")) {
            name = name.replace('-', ' ');
        }
        name = name.replaceAll("\\s+", " ").strip();
        int words = 0;
        int letters = 0;
        for (String token : name.split(" ")) {
            long tokenLetters = token.chars().filter(Character::isLetter).count();
            letters += (int) tokenLetters;
            if (tokenLetters >= 3 && tokenLetters == token.chars().filter(Character::isLetterOrDigit).count()) {
                words++;
            }
        }
        boolean mostlyLetters = letters * 2 >= name.replace(" ", "").length();
        return words >= MIN_WORDS && mostlyLetters ? Optional.of(name) : Optional.empty();
    }

    /** The text a passage is embedded as: its lesson's title, then its own text. */
    public static String context(Optional<String> title, String text) {
        return title.map(t -> t + ": " + text).orElse(text);
    }
}
