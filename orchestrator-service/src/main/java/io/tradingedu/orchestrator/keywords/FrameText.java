package io.tradingedu.orchestrator.keywords;

import java.util.Objects;
import java.util.UUID;

/**
 * Text read (OCR) from one sampled video frame.
 *
 * @param timeSeconds where the frame is in the video
 * @param text        the recognised text; {@code null} is read as empty
 * @param confidence  0..1 (not tesseract's 0..100), or {@code null} when unknown, which counts as 1.0
 */
public record FrameText(UUID frameId, double timeSeconds, String text, Double confidence) {

    public FrameText {
        Objects.requireNonNull(frameId, "frameId");
        if (!Double.isFinite(timeSeconds) || timeSeconds < 0) {
            throw new IllegalArgumentException("frame time must be a finite number of seconds >= 0, got "
                    + timeSeconds);
        }
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("OCR confidence must be within 0..1, got " + confidence);
        }
        text = text == null ? "" : text;
    }
}
