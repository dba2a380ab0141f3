package io.tradingedu.orchestrator.processvideo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.pipeline.MediaProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ffmpeg on generated videos. */
class AudioExtractorTest {

    @TempDir
    static Path dir;
    static Path withTone;
    static Path withSilence;
    static Path withoutAudio;

    @TempDir
    Path out;

    private final AudioExtractor extractor = new AudioExtractor("ffmpeg", Duration.ofMinutes(1), -50);

    @BeforeAll
    static void generate() throws Exception {
        withTone = dir.resolve("tone.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", "3", "-ac", "2", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", withTone.toString());
        withSilence = dir.resolve("silence.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
                "-t", "3", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", withSilence.toString());
        withoutAudio = dir.resolve("mute.mp4");
        ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", "3", "-c:v", "libx264",
                "-preset", "veryfast", withoutAudio.toString());
    }

    private static MediaProbe probe(String audioCodec) {
        return new MediaProbe(3.0, "mov,mp4", 160, 120, 10, "h264", audioCodec, List.of());
    }

    @Test
    void extractsSixteenKilohertzMonoPcm() throws Exception {
        var result = (ExtractedAudio.Wav) extractor.extract(withTone, probe("aac"), out.resolve("a.wav"));

        assertThat(result.wav().sampleRate()).isEqualTo(16_000);
        assertThat(result.seconds()).isBetween(2.9, 3.1);
        assertThat(result.levels().peakDb()).isBetween(-30.0, 0.0);
        assertThat(PcmWav.open(out.resolve("a.wav")).sampleCount()).isEqualTo(result.wav().sampleCount());
    }

    /** A playlist named like a video must not make ffmpeg read the file it points at (defence behind stage 1). */
    @Test
    void aPlaylistPointingAtAnotherFileIsNotFollowed() throws Exception {
        Path playlist = dir.resolve("playlist.mp4");
        java.nio.file.Files.writeString(playlist, "#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3.0,\n" + withTone
                + "\n#EXT-X-ENDLIST\n");

        assertThat(extractor.extract(playlist, null, out.resolve("a.wav")))
                .isInstanceOf(ExtractedAudio.Undecodable.class);
        assertThat(out.resolve("a.wav")).satisfiesAnyOf(
                wav -> assertThat(wav).doesNotExist(),
                wav -> assertThat(PcmWav.open(wav).sampleCount()).isZero());
    }

    @Test
    void videoWithoutAudioStreamIsReportedAsSuch() throws Exception {
        assertThat(extractor.extract(withoutAudio, probe(null), out.resolve("a.wav")))
                .isEqualTo(new ExtractedAudio.NoAudioStream("the video has no audio stream"));
        assertThat(extractor.extract(withoutAudio, null, out.resolve("b.wav")))
                .as("without a probe, ffmpeg finds out").isEqualTo(new ExtractedAudio.NoAudioStream("the video has no audio stream"));
    }

    @Test
    void silentTrackIsReportedAsSilent() throws Exception {
        var result = (ExtractedAudio.Silent) extractor.extract(withSilence, probe("aac"), out.resolve("a.wav"));

        assertThat(result.reason()).matches("the audio track is silent \\(loudest sample .* over 3\\.\\d s; threshold -50 dBFS\\)");
        assertThat(result.levels().peakDb()).isLessThan(-50);
    }

    @Test
    void damagedInputIsUndecodableWithTheToolsReason() throws Exception {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.mp4"), "not a video");

        var result = (ExtractedAudio.Undecodable) extractor.extract(text, probe("aac"), out.resolve("a.wav"));

        assertThat(result.reason()).startsWith("the audio track could not be decoded: ");
    }

    @Test
    void toolRunningPastItsDeadlineIsKilled() {
        assertThatThrownBy(() -> ToolProcess.run(List.of("sleep", "30"), Duration.ofMillis(300)))
                .isInstanceOf(ToolProcess.TimeoutException.class)
                .hasMessage("sleep did not finish within 300 ms");
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .isEmpty();
    }

    @Test
    void interruptedWaitKillsTheTool() throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        Thread waiter = new Thread(() -> {
            try {
                ToolProcess.run(List.of("sleep", "30"), Duration.ofMinutes(1));
            } catch (IOException | InterruptedException e) {
                thrown.add(e);
            }
        });
        waiter.start();
        while (ProcessHandle.current().children().noneMatch(p -> p.info().command().orElse("").endsWith("sleep"))) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        waiter.interrupt();
        waiter.join();

        assertThat(thrown).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .isEmpty();
    }

    private static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-y", "-v", "error"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("ffmpeg failed: " + command);
        }
    }
}
