package io.tradingedu.orchestrator.concepts;

import java.util.Objects;

/**
 * A piece of text the video states, with where it is: a transcript segment or the OCR text of a frame.
 *
 * @param start      seconds into the video
 * @param end        seconds into the video, at least {@code start} (equal for a single frame)
 * @param confidence 0..1, how sure the recogniser was; pass 1 for subtitles and other text without one
 * @param source     {@code transcript} or {@code ocr}; copied onto every concept found in it
 */
public record TextEvidence(String text, double start, double end, double confidence, String source) {

    public TextEvidence {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(start) || !Double.isFinite(end) || start < 0 || end < start) {
            throw new IllegalArgumentException("evidence times must be finite with 0 <= start <= end, were "
                    + start + ".." + end);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("evidence confidence must be between 0 and 1, was " + confidence);
        }
    }
}
