package io.tradingedu.orchestrator.processvideo.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SRT and WebVTT as people actually write them: with a BOM, CRLF, missing cue numbers, VTT headers, NOTE and
 * STYLE blocks, cue settings, hour-less VTT times, HTML/ASS styling. Text and times of good cues come out exactly;
 * cues whose timing cannot be trusted are repaired or dropped, and the notes say how many.
 */
final class SubtitleParser {

    record Cue(double start, double end, String text) {
    }

    record Parsed(List<Cue> cues, List<String> notes) {
    }

    private static final String TIME = "(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})(?:[,.](\\d{1,3}))?";
    private static final Pattern TIMING = Pattern.compile("^\\s*" + TIME + "\\s*-->\\s*" + TIME + "(?:\\s.*)?$");
    private static final Pattern CUE_NUMBER = Pattern.compile("^\\s*\\d+\\s*$");
    private static final Pattern ASS_OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");
    private static final Pattern ASS_BREAK = Pattern.compile("\\\\[Nnh]");
    // Only real tags: a name right after '<' (b, i, c.yellow, v Speaker, font color=...) or a VTT karaoke time.
    // "RSI < 30" stays as it is.
    private static final Pattern TAG = Pattern.compile(
            "</?[a-zA-Z][a-zA-Z0-9]*(?:\\.[^\\s<>]+)*(?:\\s[^<>]*)?>|<\\d{1,2}:\\d{2}(?::\\d{2})?\\.\\d{3}>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|(\\d{1,7}));");
    private static final double EPSILON = 0.0005;

    private SubtitleParser() {
    }

    /** @param mediaSeconds the video's length, to catch cues past its end; 0 when unknown */
    static Parsed parse(String content, double mediaSeconds) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Cue> cues = new ArrayList<>();
        int broken = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            boolean blockStart = i == 0 || lines[i - 1].isBlank();
            if (blockStart && isMetadataBlock(line, i)) {
                i = endOfBlock(lines, i);
                continue;
            }
            if (!line.contains("-->")) {
                i++;
                continue;
            }
            List<String> textLines = new ArrayList<>();
            int j = i + 1;
            while (j < lines.length && !lines[j].isBlank() && !lines[j].contains("-->")) {
                textLines.add(lines[j]);
                j++;
            }
            // without blank lines between cues, the next cue's number ends up as the last text line
            if (j < lines.length && lines[j].contains("-->") && !textLines.isEmpty()
                    && CUE_NUMBER.matcher(textLines.getLast()).matches()) {
                textLines.removeLast();
            }
            double[] times = times(line);
            if (times == null || times[1] <= times[0] || (mediaSeconds > 0 && times[0] >= mediaSeconds)) {
                broken++;
            } else {
                String cueText = clean(String.join("\n", textLines));
                if (!cueText.isEmpty()) {
                    double end = mediaSeconds > 0 ? Math.min(times[1], mediaSeconds) : times[1];
                    cues.add(new Cue(times[0], end, cueText));
                }
            }
            i = j;
        }
        return untangle(cues, broken);
    }

    /** Sorts cues by time, merges simultaneous ones, trims small overlaps, drops cues that swallow later ones. */
    private static Parsed untangle(List<Cue> cues, int broken) {
        List<Cue> sorted = new ArrayList<>(cues);
        sorted.sort(Comparator.comparingDouble(Cue::start).thenComparingDouble(Cue::end));
        List<Cue> kept = new ArrayList<>();
        int trimmed = 0;
        int merged = 0;
        for (int k = 0; k < sorted.size(); k++) {
            Cue cue = sorted.get(k);
            Cue next = k + 1 < sorted.size() ? sorted.get(k + 1) : null;
            if (next != null && cue.end() > next.start() + EPSILON) {
                if (Math.abs(cue.start() - next.start()) < EPSILON) {
                    // two lines shown together (two speakers): one cue, the longer span
                    sorted.set(k + 1, new Cue(next.start(), Math.max(cue.end(), next.end()),
                            cue.text() + " " + next.text()));
                    merged++;
                    continue;
                }
                if (cue.end() >= next.end()) {
                    broken++;
                    continue;
                }
                cue = new Cue(cue.start(), next.start(), cue.text());
                trimmed++;
            }
            kept.add(cue);
        }
        List<String> notes = new ArrayList<>();
        if (broken > 0) {
            notes.add(count(broken, "cue") + " with broken timing dropped");
        }
        if (trimmed > 0) {
            notes.add(count(trimmed, "overlapping cue") + " trimmed");
        }
        if (merged > 0) {
            notes.add(count(merged, "simultaneous cue") + " merged");
        }
        return new Parsed(List.copyOf(kept), List.copyOf(notes));
    }

    private static boolean isMetadataBlock(String line, int index) {
        String s = line.strip();
        return (index == 0 && s.startsWith("WEBVTT")) || s.equals("NOTE") || s.startsWith("NOTE ")
                || s.equals("STYLE") || s.equals("REGION");
    }

    private static int endOfBlock(String[] lines, int from) {
        int j = from;
        while (j < lines.length && !lines[j].isBlank()) {
            j++;
        }
        return j;
    }

    /** Start and end in seconds, or {@code null} when the line's times cannot be read. */
    static double[] times(String line) {
        Matcher m = TIMING.matcher(line);
        if (!m.matches()) {
            return null;
        }
        double start = seconds(m.group(1), m.group(2), m.group(3), m.group(4));
        double end = seconds(m.group(5), m.group(6), m.group(7), m.group(8));
        return Double.isNaN(start) || Double.isNaN(end) ? null : new double[] {start, end};
    }

    private static double seconds(String hours, String minutes, String seconds, String fraction) {
        int m = Integer.parseInt(minutes);
        int s = Integer.parseInt(seconds);
        if (s >= 60 || (hours != null && m >= 60)) {
            return Double.NaN;
        }
        long millis = fraction == null ? 0 : Long.parseLong(fraction) * (long) Math.pow(10, 3 - fraction.length());
        long h = hours == null ? 0 : Long.parseLong(hours);
        return ((h * 60 + m) * 60 + s) + millis / 1000.0;
    }

    static String clean(String raw) {
        String s = ASS_OVERRIDE.matcher(raw).replaceAll("");
        s = ASS_BREAK.matcher(s).replaceAll(" ");
        s = TAG.matcher(s).replaceAll("");
        s = entities(s);
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String entities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = NUMERIC_ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(Character.isValidCodePoint(code)
                    ? Character.toString(code) : m.group()));
        }
        m.appendTail(out);
        return out.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&apos;", "'").replace("&lrm;", "").replace("&rlm;", "")
                .replace("&amp;", "&");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
