package io.tradingedu.orchestrator.keywords;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Brings text and lexicon spellings to one comparable form while remembering where every character came from, so a
 * match found in the normalised text can be reported at its place in the original.
 * <p>
 * Lower case; Unicode compatibility forms folded (OCR's "ﬁ" ligature, full-width letters); every run of whitespace,
 * hyphens, dashes and underscores becomes one space ("stop-loss", "stop  loss" and "stop\nloss" are the same);
 * typographic apostrophes become {@code '}.
 */
final class TextNormalizer {

    /** The normalised text; {@code from[i]}/{@code to[i]} bound the original characters behind character i. */
    record Normalized(String text, int[] from, int[] to) {

        int originalStart(int start) {
            return from[start];
        }

        int originalEnd(int endExclusive) {
            return to[endExclusive - 1];
        }
    }

    private TextNormalizer() {
    }

    static Normalized normalize(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] from = new int[original.length() + 16];
        int[] to = new int[original.length() + 16];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String folded = cp < 128 ? null : Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
            int j = 0;
            do {
                int c = folded == null ? cp : folded.codePointAt(j);
                j += folded == null ? 1 : Character.charCount(c);
                String emit;
                if (isSeparator(c)) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                        to[out.length() - 1] = next;
                        continue;
                    }
                    emit = " ";
                } else if (isApostrophe(c)) {
                    emit = "'";
                } else {
                    emit = Character.toString(c).toLowerCase(Locale.ROOT);
                }
                if (out.length() + emit.length() > from.length) {
                    from = Arrays.copyOf(from, from.length * 2 + emit.length());
                    to = Arrays.copyOf(to, from.length);
                }
                for (int k = 0; k < emit.length(); k++) {
                    from[out.length()] = i;
                    to[out.length()] = next;
                    out.append(emit.charAt(k));
                }
            } while (folded != null && j < folded.length());
            i = next;
        }
        return new Normalized(out.toString(), from, to);
    }

    /** The lookup key of a lexicon spelling: normalised and trimmed. */
    static String key(String spelling) {
        return normalize(spelling).text().strip();
    }

    /** Letters next to letters, or digits next to digits, are one word; anything else is a boundary. */
    static boolean boundaryBetween(char before, char after) {
        return !(Character.isLetter(before) && Character.isLetter(after))
                && !(Character.isDigit(before) && Character.isDigit(after));
    }

    private static boolean isSeparator(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '_'
                || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x02BC || c == 0x2032 || c == '`'
                || c == 0x00B4;
    }
}
