package io.tradingedu.orchestrator.processvideo.transcript;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.media.StageCancelledException;
import io.tradingedu.orchestrator.processvideo.audio.AudioExtractor;
import io.tradingedu.orchestrator.processvideo.audio.ExtractedAudio;
import io.tradingedu.orchestrator.processvideo.audio.PcmWav;
import io.tradingedu.shared.pipeline.MediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.util.FileSystemUtils;

/**
 * Stage 2's transcription: asks the sources in order of quality (subtitles, a Whisper server, pocketsphinx) and keeps
 * the first transcript produced, with notes saying why the better sources gave none. Audio is extracted only when
 * no subtitles serve. Raw text only: normalising trading language is the next step's job.
 */
public class Transcriber {

    private final AudioExtractor audioExtractor;
    private final List<TranscriptSource> sources;

    /** @param sources in order of preference */
    public Transcriber(AudioExtractor audioExtractor, List<TranscriptSource> sources) {
        this.audioExtractor = audioExtractor;
        this.sources = List.copyOf(sources);
    }

    /** The standard chain for the given settings: subtitles, Whisper (when configured), pocketsphinx. */
    public static Transcriber create(TranscriptionProperties properties) {
        return new Transcriber(audioExtractor(properties), standardSources(properties));
    }

    public static AudioExtractor audioExtractor(TranscriptionProperties properties) {
        return new AudioExtractor(properties.ffmpegPath(), properties.ffmpegTimeout(), properties.silenceThresholdDb());
    }

    /** Subtitles, then a Whisper server (declines at once when none is configured), then pocketsphinx. */
    public static List<TranscriptSource> standardSources(TranscriptionProperties properties) {
        return List.of(new SubtitleTranscriptSource(properties.ffmpegPath(), properties.ffmpegTimeout()),
                new WhisperTranscriptSource(properties.whisper()),
                new PocketsphinxTranscriptSource(properties.pocketsphinx()));
    }

    /**
     * Never returns {@code null}: when nothing yields speech (no subtitles and no audio, silence, every recogniser
     * failing) the answer is {@link Transcript#none} with the reasons in its notes.
     *
     * @param probe stage 1's findings for this video
     * @throws InterruptedException when interrupted (all subprocesses are stopped and temporary files removed first);
     *                              a cancelled run surfaces as the checkpoint's own exception
     */
    public Transcript transcribe(Path video, MediaProbe probe, ProgressListener progress, Checkpoint checkpoint)
            throws InterruptedException {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(probe, "probe");
        Path workDir = createWorkDir();
        try {
            return transcribe(video, probe, workDir, progress, checkpoint);
        } finally {
            FileSystemUtils.deleteRecursively(workDir.toFile());
        }
    }

    private Transcript transcribe(Path video, MediaProbe probe, Path workDir, ProgressListener progress,
                                  Checkpoint checkpoint) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        var withoutAudio = new TranscriptionInput(video, probe, null, workDir);
        for (TranscriptSource source : sources.stream().filter(s -> !s.needsAudio()).toList()) {
            Transcript found = attempt(source, withoutAudio, notes, progress, checkpoint);
            if (found != null) {
                return found;
            }
        }
        checkpoint.check();
        progress.progress("extracting the audio");
        ExtractedAudio extracted = audioExtractor.extract(video, probe, workDir.resolve("audio.wav"));
        PcmWav audio;
        switch (extracted) {
            case ExtractedAudio.Wav wav -> audio = wav.wav();
            case ExtractedAudio.Unusable unusable -> {
                notes.add(unusable.reason());
                return Transcript.none(notes);
            }
        }
        var withAudio = new TranscriptionInput(video, probe, audio, workDir);
        for (TranscriptSource source : sources.stream().filter(TranscriptSource::needsAudio).toList()) {
            checkpoint.check();
            Transcript found = attempt(source, withAudio, notes, progress, checkpoint);
            if (found != null) {
                return found;
            }
        }
        return Transcript.none(notes);
    }

    /** The transcript with all notes so far in front of its own, or {@code null} after adding why there is none. */
    private static Transcript attempt(TranscriptSource source, TranscriptionInput input, List<String> notes,
                                      ProgressListener progress, Checkpoint checkpoint) throws InterruptedException {
        TranscriptSource.Result result;
        try {
            result = source.transcribe(input, progress, checkpoint);
        } catch (StageCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bug or an unexpected tool failure in one source must not cost the video its transcript
            result = TranscriptSource.Result.Declined.because(source.name() + " failed: " + e);
        }
        return switch (result) {
            case TranscriptSource.Result.Produced produced -> {
                Transcript t = produced.transcript();
                List<String> all = new ArrayList<>(notes);
                all.addAll(t.notes());
                yield new Transcript(t.source(), t.language(), t.segments(), all);
            }
            case TranscriptSource.Result.Declined declined -> {
                notes.addAll(declined.notes());
                yield null;
            }
        };
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("transcribe-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the transcription", e);
        }
    }
}
