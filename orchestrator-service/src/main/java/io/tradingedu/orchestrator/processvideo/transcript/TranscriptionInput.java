package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.processvideo.audio.PcmWav;
import io.tradingedu.shared.pipeline.MediaProbe;
import java.nio.file.Path;

/**
 * What a {@link TranscriptSource} works from.
 *
 * @param probe   stage 1's findings (subtitle streams, audio codec)
 * @param audio   the extracted 16 kHz mono WAV; {@code null} for sources that do not need audio
 * @param workDir a private temporary directory, removed after the transcription
 */
public record TranscriptionInput(Path video, MediaProbe probe, PcmWav audio, Path workDir) {
}
