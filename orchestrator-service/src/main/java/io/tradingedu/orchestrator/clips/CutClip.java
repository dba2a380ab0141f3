package io.tradingedu.orchestrator.clips;

import java.nio.file.Path;

/**
 * A clip written to disk.
 *
 * @param file            the MP4 (H.264/AAC when re-encoded, moov atom first so browsers can seek while streaming)
 * @param thumbnail       a JPEG from the middle of the clip
 * @param durationSeconds measured with ffprobe on the written file (a stream copy starts at a keyframe, so it can be
 *                        longer than planned)
 * @param sizeBytes       the MP4's size
 * @param cutMode         how it was cut: {@code reencode} or {@code copy}
 */
public record CutClip(Path file, Path thumbnail, double durationSeconds, long sizeBytes, String cutMode) {
}
