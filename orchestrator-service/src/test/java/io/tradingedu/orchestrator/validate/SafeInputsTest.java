package io.tradingedu.orchestrator.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.bramp.ffmpeg.FFprobe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are lists of other files (an HLS playlist, an ffmpeg concat list) must not make ffprobe/ffmpeg read what
 * they name: validation refuses them with a readable reason, and the tools themselves refuse such formats and every
 * protocol but the local file.
 */
class SafeInputsTest {

    @TempDir
    static Path dir;
    static Path video;

    private final MediaValidator validator = new MediaValidator(
            new ValidationProperties(Duration.ofMinutes(1), null, null, null));

    @BeforeAll
    static void generate() throws Exception {
        video = TestVideos.validMp4(dir);
    }

    @Test
    void anHlsPlaylistNamingAnotherLocalFileIsNotAVideo() throws Exception {
        Path playlist = Files.writeString(dir.resolve("lesson.mp4"), """
                #EXTM3U
                #EXT-X-TARGETDURATION:4
                #EXTINF:4,
                %s
                #EXT-X-ENDLIST
                """.formatted(video.toAbsolutePath()));

        assertThat(validator.validate(playlist)).isEqualTo(ValidationResult.rejected("not a video file: it is a"
                + " playlist (HLS/M3U) that refers to other files or URLs; only self-contained video files are accepted"));
    }

    @Test
    void anHlsPlaylistNamingAUrlIsNotAVideo() throws Exception {
        Path playlist = Files.writeString(dir.resolve("remote.m3u8"),
                "#EXTM3U\n#EXTINF:4,\nhttp://127.0.0.1:1/segment.ts\n#EXT-X-ENDLIST\n");

        assertThat(validator.validate(playlist)).isInstanceOf(ValidationResult.Invalid.class)
                .extracting(r -> ((ValidationResult.Invalid) r).reason()).asString()
                .startsWith("not a video file: it is a playlist (HLS/M3U)");
    }

    @Test
    void aConcatListIsNotAVideo() throws Exception {
        Files.copy(video, dir.resolve("part.mp4"));
        Path list = Files.writeString(dir.resolve("list.mp4"), "ffconcat version 1.0\nfile part.mp4\n");

        assertThat(validator.validate(list)).isEqualTo(ValidationResult.rejected("not a video file: it is an ffmpeg"
                + " concat list that refers to other files; only self-contained video files are accepted"));
    }

    @Test
    void ffprobeItselfRefusesAPlaylistThatSlipsPastTheFirstBytesCheck() throws Exception {
        Path playlist = Files.writeString(dir.resolve("hidden"), "#EXTM3U\n#EXTINF:4,\n" + video.toAbsolutePath()
                + "\n#EXT-X-ENDLIST\n");
        FFprobe safe = new FFprobe("ffprobe", new BoundedProbeProcess(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> {
            var result = safe.probe(playlist.toString());
            if (result.hasError() || result.getFormat() == null) {
                throw new IOException("refused");
            }
        }).isInstanceOf(IOException.class);
        assertThat(safe.probe(video.toString()).getFormat().format_name).startsWith("mov,mp4");
    }

    @Test
    void theTailDecodeRefusesAPlaylistToo() throws Exception {
        Path playlist = Files.writeString(dir.resolve("tail-list"), "#EXTM3U\n#EXTINF:4,\n" + video.toAbsolutePath()
                + "\n#EXT-X-ENDLIST\n");

        assertThat(new TailDecoder("ffmpeg").problemNearEnd(playlist, 4, Duration.ofSeconds(2)))
                .startsWith("no frame could be decoded in the last 2 s (").doesNotContain(dir.toString());
        assertThat(new TailDecoder("ffmpeg").problemNearEnd(video, 4, Duration.ofSeconds(2))).isNull();
    }
}
