package io.tradingedu.orchestrator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.shared.pipeline.MediaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real ffprobe and ffmpeg on generated files. */
class MediaValidatorTest {

    @TempDir
    static Path dir;
    static Path valid;

    private final MediaValidator validator = new MediaValidator(
            new ValidationProperties(Duration.ofMinutes(1), null, null, null));

    @BeforeAll
    static void generate() throws Exception {
        valid = TestVideos.validMp4(dir);
    }

    @Test
    void validVideoYieldsItsMetadata() throws Exception {
        var result = (ValidationResult.Valid) validator.validate(valid);

        MediaProbe probe = result.probe();
        assertThat(probe.durationSeconds()).isBetween(3.9, 4.2);
        assertThat(probe.width()).isEqualTo(320);
        assertThat(probe.height()).isEqualTo(240);
        assertThat(probe.fps()).isEqualTo(25.0);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.subtitles()).singleElement()
                .satisfies(s -> assertThat(s.codec()).isEqualTo("mov_text"))
                .satisfies(s -> assertThat(s.language()).isEqualTo("eng"));
        assertThat(result.summary()).startsWith("h264 320x240 25.00 fps");
    }

    @Test
    void formatIsJudgedByContentNotByName() throws Exception {
        Path renamed = Files.copy(valid, dir.resolve("lesson.txt"));
        assertThat(validator.validate(renamed)).isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void randomBytesAreNotAVideo() throws Exception {
        assertThat(validator.validate(TestVideos.randomBytes(dir, "noise.mp4")))
                .isEqualTo(ValidationResult.rejected("not a video file: its content is not a recognised media format"));
    }

    @Test
    void fileCutBeforeItsIndexIsTruncated() throws Exception {
        Path source = TestVideos.silentMp4(dir, "moov-at-end.mp4");
        var result = (ValidationResult.Invalid) validator.validate(TestVideos.truncated(source, dir.resolve("cut.mp4"), 60));

        assertThat(result.reason()).startsWith("file is truncated or corrupt: it starts like an MP4/QuickTime file");
        assertThat(result.retryable()).isFalse();
    }

    @Test
    void fileCutInItsDataIsTruncated() throws Exception {
        var result = (ValidationResult.Invalid) validator.validate(TestVideos.truncated(valid, dir.resolve("cut-fast.mp4"), 60));

        assertThat(result.reason()).startsWith("file is truncated:");
    }

    @Test
    void audioOnlyHasNoVideoStream() throws Exception {
        assertThat(validator.validate(TestVideos.audioOnly(dir)))
                .isEqualTo(ValidationResult.rejected("no video stream (the file holds only audio)"));
    }

    @Test
    void videoLongerThanTheLimitIsRejected() throws Exception {
        var strict = new MediaValidator(new ValidationProperties(Duration.ofSeconds(2), null, null, null));
        var result = (ValidationResult.Invalid) strict.validate(valid);
        assertThat(result.reason()).isEqualTo("the video is 4.0 s long; the maximum is 2.0 s");
    }

    @Test
    void emptyAndMissingFilesAreRejected() throws Exception {
        assertThat(validator.validate(Files.createFile(dir.resolve("empty.mp4"))))
                .isEqualTo(ValidationResult.rejected("not a video file: the file is empty"));
        assertThat(validator.validate(dir.resolve("gone.mp4"))).isInstanceOf(ValidationResult.Invalid.class);
    }

    @Test
    void missingFfprobeIsARetryableFailure() throws Exception {
        var broken = new MediaValidator(new ValidationProperties(null, "/nonexistent/ffprobe", null, null));
        var result = (ValidationResult.Invalid) broken.validate(valid);
        assertThat(result.retryable()).isTrue();
        assertThat(result.reason()).contains("ffprobe is not available");
    }
}
