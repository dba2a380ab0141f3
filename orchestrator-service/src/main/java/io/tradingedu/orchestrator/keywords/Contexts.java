package io.tradingedu.orchestrator.keywords;

/**
 * The text around a mention that lets a reader judge it: the sentence it is in, or, when the sentence is long or
 * the text has no punctuation (recognisers give none), about {@value #WIDTH} characters around it, cut only between
 * words. Line breaks end a sentence too: OCR lines on a slide are separate statements.
 */
final class Contexts {

    static final int WIDTH = 120;

    private Contexts() {
    }

    static String around(String text, int start, int end) {
        // Only WIDTH characters either side can end up in the context, so the sentence is searched no further.
        int floor = Math.max(0, start - WIDTH);
        int ceiling = Math.min(text.length(), end + WIDTH);
        int sentenceStart = start;
        while (sentenceStart > floor && !endsSentence(text, sentenceStart - 1)) {
            sentenceStart--;
        }
        int sentenceEnd = end;
        while (sentenceEnd < ceiling && !endsSentence(text, sentenceEnd)) {
            sentenceEnd++;
        }
        if (sentenceEnd < ceiling && endsSentence(text, sentenceEnd)
                && !Character.isWhitespace(text.charAt(sentenceEnd))) {
            sentenceEnd++; // keep the full stop, not the line break
        }
        if (sentenceEnd - sentenceStart <= WIDTH) {
            return collapse(text.substring(sentenceStart, sentenceEnd));
        }
        int room = Math.max(0, WIDTH - (end - start));
        int left = Math.max(sentenceStart, start - room / 2);
        int right = Math.min(sentenceEnd, end + room - (start - left));
        left = Math.max(sentenceStart, Math.min(left, start - (room - (right - end))));
        while (left > sentenceStart && left < start && !Character.isWhitespace(text.charAt(left - 1))) {
            left++;
        }
        while (right < sentenceEnd && right > end && !Character.isWhitespace(text.charAt(right))) {
            right--;
        }
        return collapse(text.substring(left, right));
    }

    /** A line break, or a full stop, question or exclamation mark followed by a space or the end. */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
            return true;
        }
        return (c == '.' || c == '!' || c == '?' || c == '…')
                && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
