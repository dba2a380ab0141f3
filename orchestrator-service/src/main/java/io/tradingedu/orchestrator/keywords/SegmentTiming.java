package io.tradingedu.orchestrator.keywords;

import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns character positions in one segment's text into times.
 * <p>
 * With word timings, each whitespace-separated token of the text is aligned to the recogniser's words: directly when
 * the text is the words joined by spaces (the usual case), otherwise by comparing letters and digits with a short
 * look-ahead, also accepting a token that is several words run together ("RSI" for "r s i") or a word split into
 * several tokens. A position in an aligned token takes its word's start or end; a position in a token that found no
 * word ("2%" for "two percent") is interpolated between the nearest aligned neighbours. Without word timings, time
 * is interpolated along the segment in proportion to the character position.
 */
final class SegmentTiming {

    private static final int LOOK_AHEAD = 4;

    private final TranscriptSegment segment;
    private final String text;
    private final int[] tokenStart;
    private final int[] tokenEnd;
    /** Per token the first and last aligned word index, or -1. */
    private final int[] firstWord;
    private final int[] lastWord;
    /** Character offsets with known times, ascending, for interpolation. */
    private final int[] anchorOffset;
    private final double[] anchorTime;

    SegmentTiming(TranscriptSegment segment, String text) {
        this.segment = segment;
        this.text = text;
        List<int[]> tokens = tokens(text);
        tokenStart = tokens.stream().mapToInt(t -> t[0]).toArray();
        tokenEnd = tokens.stream().mapToInt(t -> t[1]).toArray();
        firstWord = new int[tokens.size()];
        lastWord = new int[tokens.size()];
        Arrays.fill(firstWord, -1);
        Arrays.fill(lastWord, -1);
        if (!segment.words().isEmpty()) {
            align();
        }
        List<double[]> anchors = new ArrayList<>();
        anchors.add(new double[] {0, segment.start()});
        for (int t = 0; t < tokenStart.length; t++) {
            if (firstWord[t] >= 0) {
                anchors.add(new double[] {tokenStart[t], word(firstWord[t]).start()});
                anchors.add(new double[] {tokenEnd[t], word(lastWord[t]).end()});
            }
        }
        anchors.add(new double[] {text.length(), Math.max(segment.start(), segment.end())});
        anchorOffset = new int[anchors.size()];
        anchorTime = new double[anchors.size()];
        double latest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < anchors.size(); i++) {
            anchorOffset[i] = (int) anchors.get(i)[0];
            latest = Math.max(latest, anchors.get(i)[1]); // times never run backwards, whatever the input says
            anchorTime[i] = latest;
        }
    }

    /** When the character at {@code offset} is said. */
    double startAt(int offset) {
        int token = tokenAt(offset);
        return token >= 0 && firstWord[token] >= 0 ? word(firstWord[token]).start() : interpolate(offset);
    }

    /** When the character before {@code endExclusive} has been said. */
    double endAt(int endExclusive) {
        int token = tokenAt(endExclusive - 1);
        return token >= 0 && lastWord[token] >= 0 ? word(lastWord[token]).end() : interpolate(endExclusive);
    }

    /** The recognised words behind the characters {@code [start, end)}. */
    List<TimedWord> wordsIn(int start, int end) {
        List<TimedWord> words = new ArrayList<>();
        int lastAdded = -1;
        for (int t = 0; t < tokenStart.length; t++) {
            if (tokenEnd[t] > start && tokenStart[t] < end && firstWord[t] >= 0) {
                for (int w = Math.max(firstWord[t], lastAdded + 1); w <= lastWord[t]; w++) {
                    words.add(word(w));
                    lastAdded = w;
                }
            }
        }
        return words;
    }

    private void align() {
        List<TimedWord> words = segment.words();
        if (words.size() == tokenStart.length) {
            boolean same = true;
            for (int t = 0; t < tokenStart.length && same; t++) {
                same = text.substring(tokenStart[t], tokenEnd[t]).equals(words.get(t).text().strip());
            }
            if (same) {
                for (int t = 0; t < tokenStart.length; t++) {
                    firstWord[t] = t;
                    lastWord[t] = t;
                }
                return;
            }
        }
        String[] wordKeys = words.stream().map(w -> comparable(w.text())).toArray(String[]::new);
        int next = 0;
        for (int t = 0; t < tokenStart.length && next < wordKeys.length; t++) {
            String token = comparable(text.substring(tokenStart[t], tokenEnd[t]));
            if (token.isEmpty()) {
                continue;
            }
            for (int w = next; w < Math.min(wordKeys.length, next + LOOK_AHEAD); w++) {
                int last = runTogether(wordKeys, w, token);
                if (last >= 0) {
                    firstWord[t] = w;
                    lastWord[t] = last;
                    next = last + 1;
                    break;
                }
                int lastToken = splitWord(t, wordKeys[w]);
                if (lastToken >= 0) {
                    for (int s = t; s <= lastToken; s++) {
                        firstWord[s] = w;
                        lastWord[s] = w;
                    }
                    t = lastToken;
                    next = w + 1;
                    break;
                }
            }
        }
    }

    /** The last word index if words {@code from..} concatenated spell {@code token}, else -1. */
    private static int runTogether(String[] wordKeys, int from, String token) {
        StringBuilder joined = new StringBuilder();
        for (int w = from; w < wordKeys.length && joined.length() < token.length(); w++) {
            joined.append(wordKeys[w]);
            if (joined.length() == token.length() && joined.toString().equals(token)) {
                return w;
            }
            if (!token.startsWith(joined.toString())) {
                return -1;
            }
        }
        return -1;
    }

    /** The last token index if tokens {@code from..} concatenated spell one word (more than one token), else -1. */
    private int splitWord(int from, String wordKey) {
        StringBuilder joined = new StringBuilder(comparable(text.substring(tokenStart[from], tokenEnd[from])));
        if (joined.isEmpty() || !wordKey.startsWith(joined.toString())) {
            return -1;
        }
        for (int t = from + 1; t < tokenStart.length && joined.length() < wordKey.length(); t++) {
            joined.append(comparable(text.substring(tokenStart[t], tokenEnd[t])));
            if (joined.toString().equals(wordKey)) {
                return t;
            }
        }
        return -1;
    }

    private double interpolate(int offset) {
        if (segment.words().isEmpty()) {
            double span = Math.max(0, segment.end() - segment.start());
            return segment.start() + span * offset / Math.max(1, text.length());
        }
        int i = 1;
        while (i < anchorOffset.length - 1 && anchorOffset[i] < offset) {
            i++;
        }
        int a = i - 1;
        int b = i;
        int width = anchorOffset[b] - anchorOffset[a];
        if (width <= 0) {
            return anchorTime[b];
        }
        double fraction = Math.min(1, Math.max(0, (offset - anchorOffset[a]) / (double) width));
        return anchorTime[a] + (anchorTime[b] - anchorTime[a]) * fraction;
    }

    private int tokenAt(int offset) {
        for (int t = 0; t < tokenStart.length; t++) {
            if (offset < tokenEnd[t]) {
                return offset >= tokenStart[t] ? t : -1;
            }
        }
        return -1;
    }

    private TimedWord word(int index) {
        return segment.words().get(index);
    }

    private static String comparable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static List<int[]> tokens(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new int[] {start, i});
            }
        }
        return tokens;
    }
}
