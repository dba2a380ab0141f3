package io.tradingedu.orchestrator.processvideo.audio;

import io.tradingedu.orchestrator.validate.SafeInputs;
import io.tradingedu.shared.pipeline.MediaProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the first audio stream of a video into the form every recogniser here wants: 16 kHz mono 16-bit PCM WAV.
 * A video without sound is not an error of the pipeline, so "no audio stream" and "silent" come back as results with
 * a reason a person can read.
 */
public class AudioExtractor {

    /** Speech recognisers (pocketsphinx, Whisper) are trained on 16 kHz audio. */
    public static final int SAMPLE_RATE = 16_000;

    private final String ffmpeg;
    private final Duration timeout;
    private final double silenceThresholdDb;

    /**
     * @param silenceThresholdDb a track whose loudest sample stays below this (dBFS, e.g. -50) counts as silent
     */
    public AudioExtractor(String ffmpeg, Duration timeout, double silenceThresholdDb) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
        this.silenceThresholdDb = silenceThresholdDb;
    }

    /**
     * @param probe  what stage 1 learnt about the video; {@code null} lets ffmpeg find out
     * @param target where the WAV is written; the caller owns (and removes) it
     */
    public ExtractedAudio extract(Path video, MediaProbe probe, Path target) throws InterruptedException {
        if (probe != null && !probe.hasAudio()) {
            return new ExtractedAudio.NoAudioStream("the video has no audio stream");
        }
        ToolProcess.Result result;
        try {
            List<String> command = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-y", "-v", "error"));
            command.addAll(SafeInputs.input(video));
            command.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", String.valueOf(SAMPLE_RATE),
                    "-c:a", "pcm_s16le", "-f", "wav", target.toString()));
            result = ToolProcess.run(command, timeout);
        } catch (IOException e) {
            return new ExtractedAudio.Undecodable("extracting the audio failed: " + e.getMessage());
        }
        if (!result.succeeded()) {
            if (result.stderr().contains("matches no streams")) {
                return new ExtractedAudio.NoAudioStream("the video has no audio stream");
            }
            return new ExtractedAudio.Undecodable("the audio track could not be decoded: " + result.lastError());
        }
        try {
            PcmWav wav = PcmWav.open(target);
            if (wav.sampleCount() == 0) {
                return new ExtractedAudio.Undecodable("the audio track holds no samples");
            }
            PcmWav.Levels levels = wav.levels();
            if (levels.peakDb() < silenceThresholdDb) {
                return new ExtractedAudio.Silent(String.format(Locale.ROOT,
                        "the audio track is silent (loudest sample %s over %.1f s; threshold %.0f dBFS)",
                        levels.peakDb() == Double.NEGATIVE_INFINITY ? "is digital zero"
                                : String.format(Locale.ROOT, "%.1f dBFS", levels.peakDb()),
                        wav.seconds(), silenceThresholdDb), levels);
            }
            return new ExtractedAudio.Wav(wav, levels);
        } catch (IOException e) {
            return new ExtractedAudio.Undecodable("the extracted audio could not be read: " + e.getMessage());
        }
    }
}
