package io.tradingedu.api.clips;

import java.util.Locale;

/**
 * The name a downloaded clip is saved under: {@code clip-<seq>-<first keyword>.mp4}, reduced to characters that are
 * harmless in every file system and in a header (keywords come from transcripts and OCR, so they are untrusted text).
 */
final class ClipFileName {

    private static final int MAX_KEYWORD = 40;

    private ClipFileName() {
    }

    static String of(Clip clip) {
        String keyword = clip.keywords().isEmpty() ? "" : clip.keywords().getFirst()
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (keyword.length() > MAX_KEYWORD) {
            keyword = keyword.substring(0, MAX_KEYWORD);
        }
        return "clip-" + clip.seq() + (keyword.isEmpty() ? "" : "-" + keyword) + ".mp4";
    }
}
