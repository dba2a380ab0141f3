package io.tradingedu.embeddings.passage;

import java.util.Arrays;
import java.util.Locale;

/** What a passage was made from; the {@code type} of the search API. */
public enum PassageKind {
    TRANSCRIPT, FRAME, CLIP;

    /** The name stored and shown: {@code transcript}, {@code frame}, {@code clip}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a label, accepting the plural the original's endpoints used ({@code transcripts}); null when unknown. */
    public static PassageKind fromLabel(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        return Arrays.stream(values()).filter(k -> k.label().equals(name) || k.label().equals(singular))
                .findFirst().orElse(null);
    }
}
