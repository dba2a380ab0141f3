package io.tradingedu.api.media;

import io.tradingedu.shared.pipeline.MediaProbe;
import io.tradingedu.shared.pipeline.RunStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One video in the catalogue and the facts stage 1 established about it. */
@Entity
@Table(name = "media_item")
public class MediaItem {

    @Id
    private UUID id;
    private String externalVideoId;
    private String filename;
    @Enumerated(EnumType.STRING)
    private MediaSource source;
    private String sourcePath;
    private String sourceUrl;
    private String storagePath;
    private String sha256;
    private long sizeBytes;
    private Double durationSeconds;
    private Integer width;
    private Integer height;
    private Double fps;
    private String videoCodec;
    private String audioCodec;
    private Integer subtitleStreams;
    @Enumerated(EnumType.STRING)
    private MediaStatus status;
    private String statusReason;
    private UUID runId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected MediaItem() {
    }

    MediaItem(UUID id, StoredFile file, MediaSource source, String sourcePath, String sourceUrl, UUID runId,
              Instant now) {
        this.id = id;
        this.externalVideoId = "vid_" + file.sha256().substring(0, 16);
        this.filename = file.filename();
        this.source = source;
        this.sourcePath = sourcePath;
        this.sourceUrl = sourceUrl;
        this.storagePath = file.path().toString();
        this.sha256 = file.sha256();
        this.sizeBytes = file.sizeBytes();
        this.status = MediaStatus.PENDING;
        this.runId = runId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void runChanged(RunStatus runStatus, String reason, Instant now) {
        status = MediaStatus.of(runStatus);
        statusReason = reason;
        updatedAt = now;
    }

    void probed(MediaProbe probe, Instant now) {
        durationSeconds = probe.durationSeconds();
        width = probe.width();
        height = probe.height();
        fps = probe.fps();
        videoCodec = probe.videoCodec();
        audioCodec = probe.audioCodec();
        subtitleStreams = probe.subtitles().size();
        updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getExternalVideoId() { return externalVideoId; }
    public String getFilename() { return filename; }
    public MediaSource getSource() { return source; }
    public String getSourcePath() { return sourcePath; }
    public String getSourceUrl() { return sourceUrl; }
    public String getStoragePath() { return storagePath; }
    public String getSha256() { return sha256; }
    public long getSizeBytes() { return sizeBytes; }
    public Double getDurationSeconds() { return durationSeconds; }
    public Integer getWidth() { return width; }
    public Integer getHeight() { return height; }
    public Double getFps() { return fps; }
    public String getVideoCodec() { return videoCodec; }
    public String getAudioCodec() { return audioCodec; }
    public Integer getSubtitleStreams() { return subtitleStreams; }
    public MediaStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public UUID getRunId() { return runId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
