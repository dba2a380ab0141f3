package io.tradingedu.api.media;

import io.tradingedu.api.run.RunProgress;
import java.time.Instant;
import java.util.UUID;

/** A media item as the API shows it; {@code run} is present on single-item reads and ingest answers. */
record MediaView(UUID id, String externalVideoId, String filename, String source, String sourcePath,
                 String sourceUrl, String sha256, long sizeBytes, Double durationSeconds, Integer width,
                 Integer height, Double fps, String videoCodec, String audioCodec, Integer subtitleStreams,
                 String status, String statusReason, UUID runId, Instant createdAt, Instant updatedAt,
                 RunProgress run) {

    static MediaView of(MediaItem item, RunProgress run) {
        return new MediaView(item.getId(), item.getExternalVideoId(), item.getFilename(),
                item.getSource().name().toLowerCase(), item.getSourcePath(), item.getSourceUrl(), item.getSha256(),
                item.getSizeBytes(), item.getDurationSeconds(), item.getWidth(), item.getHeight(), item.getFps(),
                item.getVideoCodec(), item.getAudioCodec(), item.getSubtitleStreams(),
                item.getStatus().name().toLowerCase(), item.getStatusReason(), item.getRunId(), item.getCreatedAt(),
                item.getUpdatedAt(), run);
    }
}
