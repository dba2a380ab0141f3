package io.tradingedu.api.clips;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A highlight clip stage 4 cut around keyword mentions.
 *
 * @param cutMode      {@code reencode} (frame-exact) or {@code copy} (cut at key frames)
 * @param score        how strongly the stretch is about trading: higher first
 * @param thumbnailUrl {@code null} when the clip has no thumbnail
 */
record Clip(UUID id, UUID mediaId, int seq, double start, double end, double durationSeconds, long sizeBytes,
            String cutMode, double score, List<String> keywords, List<String> categories, String transcriptExcerpt,
            Instant createdAt, String downloadUrl, String thumbnailUrl) {
}
