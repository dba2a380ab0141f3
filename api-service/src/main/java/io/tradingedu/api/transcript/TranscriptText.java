package io.tradingedu.api.transcript;

import java.util.List;
import java.util.Locale;

/**
 * Renders transcript segments as plain text, SubRip or WebVTT. Each segment becomes one line (one cue); line breaks
 * inside a segment are folded to spaces because a blank line would end a cue early, and segments without text are
 * left out because an empty cue is not valid.
 */
final class TranscriptText {

    private TranscriptText() {
    }

    static String plain(List<Transcript.Segment> segments) {
        StringBuilder out = new StringBuilder();
        for (Transcript.Segment segment : segments) {
            String text = oneLine(segment.text());
            if (!text.isEmpty()) {
                out.append(text).append('\n');
            }
        }
        return out.toString();
    }

    /** SubRip: numbered cues, {@code 00:00:01,250 --> 00:00:03,000}. */
    static String srt(List<Transcript.Segment> segments) {
        StringBuilder out = new StringBuilder();
        int number = 0;
        for (Transcript.Segment segment : segments) {
            String text = oneLine(segment.text());
            if (text.isEmpty()) {
                continue;
            }
            out.append(++number).append('\n')
                    .append(timing(segment, ',')).append('\n')
                    .append(text).append("\n\n");
        }
        return out.toString();
    }

    /** WebVTT: the header, then cues timed {@code 00:00:01.250 --> 00:00:03.000}; cue text is escaped markup. */
    static String vtt(List<Transcript.Segment> segments) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (Transcript.Segment segment : segments) {
            String text = oneLine(segment.text());
            if (text.isEmpty()) {
                continue;
            }
            out.append(timing(segment, '.')).append('\n')
                    .append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("\n\n");
        }
        return out.toString();
    }

    static String timestamp(double seconds, char millisSeparator) {
        long millis = Math.round(Math.max(0, seconds) * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millisSeparator, millis % 1000);
    }

    private static String timing(Transcript.Segment segment, char millisSeparator) {
        return timestamp(segment.start(), millisSeparator) + " --> "
                + timestamp(Math.max(segment.start(), segment.end()), millisSeparator);
    }

    private static String oneLine(String text) {
        // "-->" inside the text would read as a cue timing line
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ").replace("-->", "->");
    }
}
