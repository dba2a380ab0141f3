package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * Stage 2 command: extract the audio, transcribe it from the best source available, and take and read keyframes.
 *
 * @param mediaPath the stored video; sidecar subtitles ({@code subtitles.srt} / {@code subtitles.vtt}) sit beside it
 * @param probe     what stage 1 learnt about the file (duration, audio, subtitle streams)
 */
public record ProcessVideo(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                           String mediaPath, MediaProbe probe) implements StageCommand {

    public static ProcessVideo of(UUID runId, UUID mediaId, int attempt, String mediaPath, MediaProbe probe) {
        return new ProcessVideo(UUID.randomUUID(), runId, mediaId, Instant.now(), SCHEMA_VERSION, attempt, mediaPath,
                probe);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.PROCESS_VIDEO;
    }
}
