package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.shared.pipeline.MediaProbe;
import io.tradingedu.shared.pipeline.MediaProbe.SubtitleStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subtitle tracks muxed into generated MP4s with ffmpeg, and sidecar files beside them. */
class SubtitleTranscriptSourceTest {

    static final String ENGLISH = """
            1
            00:00:00,250 --> 00:00:01,500
            RSI below 30 means oversold

            2
            00:00:01,750 --> 00:00:03,125
            <i>Wait</i> for the close
            above resistance
            """;

    @TempDir
    static Path dir;
    static Path twoTracks;

    @TempDir
    Path workDir;

    private final SubtitleTranscriptSource source = new SubtitleTranscriptSource("ffmpeg", Duration.ofMinutes(1));

    /** Streams: 0 video, 1 audio, 2 French mov_text, 3 English mov_text. */
    @BeforeAll
    static void generate() throws Exception {
        Path english = Files.writeString(dir.resolve("en.srt"), ENGLISH);
        Path french = Files.writeString(dir.resolve("fr.srt"), "1\n00:00:00,500 --> 00:00:02,000\nAcheter la cassure\n");
        Path videoDir = Files.createDirectory(dir.resolve("video"));
        twoTracks = videoDir.resolve("lesson.mp4");
        Speech.ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi", "-i", "sine=frequency=440",
                "-i", french.toString(), "-i", english.toString(), "-t", "4",
                "-map", "0:v", "-map", "1:a", "-map", "2:s", "-map", "3:s",
                "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-c:s", "mov_text",
                "-metadata:s:s:0", "language=fre", "-metadata:s:s:1", "language=eng", twoTracks.toString());
    }

    private static MediaProbe probe(List<SubtitleStream> subtitles) {
        return new MediaProbe(4.0, "mov,mp4,m4a,3gp,3g2,mj2", 160, 120, 10, "h264", "aac", subtitles);
    }

    private TranscriptSource.Result transcribe(Path video, MediaProbe probe) throws InterruptedException {
        return source.transcribe(new TranscriptionInput(video, probe, null, workDir), ProgressListener.NONE,
                Checkpoint.NONE);
    }

    @Test
    void englishStreamIsPreferredAndComesOutExactly() throws Exception {
        var result = (TranscriptSource.Result.Produced) transcribe(twoTracks, probe(List.of(
                new SubtitleStream(2, "mov_text", "fre"), new SubtitleStream(3, "mov_text", "eng"))));

        Transcript t = result.transcript();
        assertThat(t.source()).isEqualTo("subtitle-stream");
        assertThat(t.language()).isEqualTo("en");
        assertThat(t.segments()).containsExactly(
                new TranscriptSegment(0.25, 1.5, "RSI below 30 means oversold", null, null, List.of()),
                new TranscriptSegment(1.75, 3.125, "Wait for the close above resistance", null, null, List.of()));
        assertThat(t.notes()).isEmpty();
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void firstStreamIsTakenWhenNoneIsEnglish() throws Exception {
        var result = (TranscriptSource.Result.Produced) transcribe(twoTracks, probe(List.of(
                new SubtitleStream(2, "mov_text", "fre"), new SubtitleStream(3, "mov_text", null))));

        assertThat(result.transcript().language()).isEqualTo("fr");
        assertThat(result.transcript().segments()).singleElement()
                .isEqualTo(new TranscriptSegment(0.5, 2.0, "Acheter la cassure", null, null, List.of()));
    }

    @Test
    void sidecarUploadedWithTheVideoWins() throws Exception {
        Path sidecarDir = Files.createDirectories(dir.resolve("with-sidecar"));
        Path video = Files.copy(twoTracks, sidecarDir.resolve("lesson.mp4"));
        Files.writeString(sidecarDir.resolve("subtitles.vtt"), "WEBVTT\n\n00:01.000 --> 00:02.000\nMACD crossover\n");

        var result = (TranscriptSource.Result.Produced) transcribe(video,
                probe(List.of(new SubtitleStream(3, "mov_text", "eng"))));

        assertThat(result.transcript().source()).isEqualTo("sidecar");
        assertThat(result.transcript().segments()).extracting(TranscriptSegment::text).containsExactly("MACD crossover");
    }

    @Test
    void unusableSidecarFallsBackToTheStreamWithANote() throws Exception {
        Path sidecarDir = Files.createDirectories(dir.resolve("broken-sidecar"));
        Path video = Files.copy(twoTracks, sidecarDir.resolve("lesson.mp4"));
        Files.writeString(sidecarDir.resolve("subtitles.srt"), "1\n00:00:05,000 --> 00:00:01,000\nbackwards\n");

        var result = (TranscriptSource.Result.Produced) transcribe(video,
                probe(List.of(new SubtitleStream(3, "mov_text", "eng"))));

        assertThat(result.transcript().source()).isEqualTo("subtitle-stream");
        assertThat(result.transcript().notes()).containsExactly(
                "sidecar subtitles.srt has no usable cue (1 cue with broken timing dropped)");
    }

    @Test
    void imageSubtitlesAndNoSubtitlesAreDeclinedWithReasons() throws Exception {
        var image = (TranscriptSource.Result.Declined) transcribe(twoTracks,
                probe(List.of(new SubtitleStream(2, "hdmv_pgs_subtitle", "eng"))));
        var none = (TranscriptSource.Result.Declined) transcribe(twoTracks, probe(List.of()));

        assertThat(image.notes()).containsExactly("subtitle stream #2 (hdmv_pgs_subtitle) is not a text format");
        assertThat(none.notes()).containsExactly("no subtitles: no subtitle stream in the file and no sidecar file");
    }
}
