package io.tradingedu.shared.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stage 2 succeeded. The transcript and the frames are stored by the worker; this says what was found.
 *
 * @param transcriptSource which source produced the transcript: {@code subtitle-stream}, {@code sidecar},
 *                         {@code whisper}, {@code pocketsphinx}, or {@code none}
 * @param notes            what was skipped and why (no audio track, silent audio, a source that was unavailable)
 */
public record VideoProcessed(UUID eventId, UUID runId, UUID mediaId, Instant occurredAt, int schemaVersion, int attempt,
                             String transcriptSource, int segments, int words, int frames, int framesWithTradingText,
                             List<String> notes) implements StageOutcome {

    public VideoProcessed {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static VideoProcessed of(ProcessVideo command, String transcriptSource, int segments, int words, int frames,
                                    int framesWithTradingText, List<String> notes) {
        return new VideoProcessed(UUID.randomUUID(), command.runId(), command.mediaId(), Instant.now(), SCHEMA_VERSION,
                command.attempt(), transcriptSource, segments, words, frames, framesWithTradingText, notes);
    }

    @Override
    public PipelineStage stage() {
        return PipelineStage.PROCESS_VIDEO;
    }

    @Override
    public String summary() {
        String text = "transcript from " + transcriptSource + ": " + segments + " segments, " + words + " words; "
                + frames + " frames, " + framesWithTradingText + " with trading text";
        return notes.isEmpty() ? text : text + " (" + String.join("; ", notes) + ")";
    }
}
