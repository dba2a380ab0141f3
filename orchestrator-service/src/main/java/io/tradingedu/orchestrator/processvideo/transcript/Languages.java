package io.tradingedu.orchestrator.processvideo.transcript;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Turns the language names sources give ("eng" in containers, "english" from Whisper) into ISO 639-1 codes. */
final class Languages {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.of(code);
            CODES.putIfAbsent(locale.getISO3Language(), code);
            CODES.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        // ISO 639-2/B codes that Matroska files still carry
        Map.of("ger", "de", "fre", "fr", "dut", "nl", "chi", "zh", "cze", "cs", "gre", "el", "per", "fa",
                "rum", "ro", "slo", "sk", "wel", "cy").forEach(CODES::putIfAbsent);
    }

    private Languages() {
    }

    /** The two-letter code, or {@code null} when unknown or undetermined. */
    static String iso(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String s = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (s.matches("[a-z]{2}(-.*)?")) {
            return s.substring(0, 2);
        }
        return CODES.get(s);
    }

    static boolean isEnglish(String language) {
        return "en".equals(iso(language));
    }
}
