package io.tradingedu.orchestrator.processvideo.frames;

/**
 * What OCR read on one frame.
 *
 * @param text        cleaned text, one line per text line; empty when the frame shows no text or could not be read
 * @param confidence  mean tesseract word confidence, 0..1; {@code null} when no word was read
 * @param tradingText whether the text shows trading content (see {@link TradingTextDetector})
 * @param problem     why the frame could not be read (tesseract failed or timed out on it); {@code null} when read
 */
public record FrameOcr(SampledFrame frame, String text, Double confidence, boolean tradingText, String problem) {

    static FrameOcr unreadable(SampledFrame frame, String problem) {
        return new FrameOcr(frame, "", null, false, problem);
    }
}
