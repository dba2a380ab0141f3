package io.tradingedu.orchestrator.processvideo.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code pocketsphinx_continuous -time yes}: per utterance a hypothesis line, then one line per word
 * ({@code word start end posterior}) framed by {@code <s>} and {@code </s>}. Each utterance becomes a segment.
 */
final class PocketsphinxOutput {

    private static final Pattern WORD = Pattern.compile("^(\\S+) (\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?)$");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\(\\d+\\)$");

    private PocketsphinxOutput() {
    }

    /** @param offset seconds added to every time (where the chunk starts in the whole audio) */
    static List<TranscriptSegment> parse(String stdout, double offset) {
        List<TranscriptSegment> segments = new ArrayList<>();
        List<TimedWord> utterance = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            Matcher m = WORD.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String token = m.group(1);
            if (token.equals("<s>") || token.equals("</s>")) {
                flush(utterance, segments);
                continue;
            }
            if (isFiller(token)) {
                continue;
            }
            double start = Double.parseDouble(m.group(2)) + offset;
            double end = Double.parseDouble(m.group(3)) + offset;
            double posterior = Math.clamp(Double.parseDouble(m.group(4)), 0.0, 1.0);
            utterance.add(new TimedWord(ALTERNATIVE.matcher(token).replaceFirst(""), start, end, posterior));
        }
        flush(utterance, segments);
        return segments;
    }

    /** Silence, noise and breath markers: {@code <sil>}, {@code [NOISE]}, {@code ++UM++} and the like. */
    static boolean isFiller(String token) {
        return token.startsWith("<") || token.startsWith("[") || token.startsWith("+");
    }

    private static void flush(List<TimedWord> words, List<TranscriptSegment> segments) {
        if (words.isEmpty()) {
            return;
        }
        String text = String.join(" ", words.stream().map(TimedWord::text).toList());
        double confidence = words.stream().mapToDouble(TimedWord::confidence).average().orElse(0);
        segments.add(new TranscriptSegment(words.getFirst().start(), words.getLast().end(), text, null,
                confidence, List.copyOf(words)));
        words.clear();
    }
}
