package io.tradingedu.orchestrator.keywords;

import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A transcript's segments joined into one text (separated by a space), so a term split across two subtitle cues
 * ("... the moving" / "average crosses ...") is still found, and the context of a mention may reach into the
 * neighbouring segment. Offsets in the joined text map back to the segment and its times.
 */
final class TranscriptDocument {

    private final String text;
    private final int[] segmentOffset;
    private final List<TranscriptSegment> segments;
    private final List<SegmentTiming> timings;

    TranscriptDocument(List<TranscriptSegment> segments) {
        this.segments = segments;
        this.segmentOffset = new int[segments.size()];
        this.timings = new ArrayList<>(segments.size());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            TranscriptSegment segment = segments.get(i);
            String own = segment.text() == null || (segment.text().isBlank() && !segment.words().isEmpty())
                    ? segment.words().stream().map(TimedWord::text).collect(Collectors.joining(" "))
                    : segment.text();
            if (i > 0) {
                joined.append(' ');
            }
            segmentOffset[i] = joined.length();
            joined.append(own);
            timings.add(new SegmentTiming(segment, own));
        }
        this.text = joined.toString();
    }

    String text() {
        return text;
    }

    double startAt(int offset) {
        int s = segmentAt(offset);
        return timings.get(s).startAt(offset - segmentOffset[s]);
    }

    double endAt(int endExclusive) {
        int s = segmentAt(endExclusive - 1);
        return timings.get(s).endAt(endExclusive - segmentOffset[s]);
    }

    /**
     * How sure the source is of the words {@code [start, end)}: the mean confidence of the recognised words behind
     * them, else the mean confidence of their segments, else 1.0 (subtitles are written by people).
     */
    double sourceConfidence(int start, int end) {
        int first = segmentAt(start);
        int last = segmentAt(end - 1);
        List<Double> words = new ArrayList<>();
        List<Double> segmentLevel = new ArrayList<>();
        for (int s = first; s <= last; s++) {
            int from = Math.max(0, start - segmentOffset[s]);
            int to = end - segmentOffset[s];
            timings.get(s).wordsIn(from, to).stream().map(TimedWord::confidence).filter(Objects::nonNull)
                    .forEach(words::add);
            if (segments.get(s).confidence() != null) {
                segmentLevel.add(segments.get(s).confidence());
            }
        }
        List<Double> basis = !words.isEmpty() ? words : segmentLevel;
        double mean = basis.stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
        return Math.min(1, Math.max(0, mean));
    }

    private int segmentAt(int offset) {
        int found = Arrays.binarySearch(segmentOffset, offset);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }
}
