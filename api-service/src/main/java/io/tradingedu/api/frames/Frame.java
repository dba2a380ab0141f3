package io.tradingedu.api.frames;

import java.util.UUID;

/**
 * A key frame stage 2 took from the video, with what OCR read on it.
 *
 * @param time      seconds from the start of the video
 * @param selection why it was taken: {@code scene} (a scene change) or {@code interval} (a regular sample)
 */
record Frame(UUID id, int seq, double time, String selection, int width, int height, String ocrText,
             Double ocrConfidence, boolean hasTradingText, String imageUrl) {
}
