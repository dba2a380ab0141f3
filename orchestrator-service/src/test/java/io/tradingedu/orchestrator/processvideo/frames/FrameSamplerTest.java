package io.tradingedu.orchestrator.processvideo.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.StageCancelledException;
import io.tradingedu.orchestrator.processvideo.frames.Slides.Slide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real ffmpeg on generated slide videos. */
class FrameSamplerTest {

    @TempDir
    static Path dir;
    static Path threeSlides;

    @TempDir
    Path out;

    private final FrameSampler sampler = new FrameSampler(FrameProperties.defaults());

    @BeforeAll
    static void generate() throws Exception {
        threeSlides = Slides.video(dir.resolve("three.mp4"), 1920, 1080, 10, List.of(
                new Slide("white", "black", "Welcome to the course", 4),
                new Slide("black", "white", "Buy AAPL when RSI(14) < 30", 4),
                new Slide("0x1565c0", "yellow", "Stop loss below 182.40", 4)));
    }

    @Test
    void slideChangesBecomeSceneFrames() throws Exception {
        List<SampledFrame> frames = sampler.sample(threeSlides, 12, out, Checkpoint.NONE);

        assertThat(frames).extracting(SampledFrame::selection).containsOnly(SampledFrame.SCENE);
        assertThat(frames).extracting(SampledFrame::timeSeconds).satisfiesExactly(
                t -> assertThat(t).isEqualTo(0.5),
                t -> assertThat(t).isBetween(3.9, 4.3),
                t -> assertThat(t).isBetween(7.9, 8.3));
        assertSpacedAtLeast(frames, 2);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.image()).isRegularFile().hasParent(out);
            assertThat(f.width()).isEqualTo(1280);
            assertThat(f.height()).isEqualTo(720);
            assertThat(FrameSampler.imageSize(f.image())).containsExactly(1280, 720);
        });
    }

    @Test
    void minimumSpacingDropsQuickSlideFlips() throws Exception {
        var props = new FrameProperties(null, 0, Duration.ofSeconds(5), 0, null, 0, null, null, null, 0, null, null,
                0, null);

        List<SampledFrame> frames = new FrameSampler(props).sample(threeSlides, 12, out, Checkpoint.NONE);

        // the change at 4 s is within 5 s of the opening frame; the one at 8 s is not
        assertThat(frames).extracting(SampledFrame::timeSeconds).satisfiesExactly(
                t -> assertThat(t).isEqualTo(0.5),
                t -> assertThat(t).isBetween(7.9, 8.3));
    }

    @Test
    void longVideosAreAnalysedOnKeyframesOnly() throws Exception {
        var props = new FrameProperties(null, 0, null, 0, null, 0, Duration.ofSeconds(5), null, null, 0, null, null,
                0, null);

        List<SampledFrame> frames = new FrameSampler(props).sample(threeSlides, 12, out, Checkpoint.NONE);

        // x264 put a keyframe on the cut at 4 s but not on the one at 8 s: the first is a scene frame, and the top-up
        // still reaches the last slide
        assertThat(frames).filteredOn(f -> f.selection().equals(SampledFrame.SCENE)).extracting(SampledFrame::timeSeconds)
                .anySatisfy(t -> assertThat(t).isBetween(3.9, 4.3));
        assertThat(frames.getLast().timeSeconds()).isBetween(8.3, 11.5);
        assertSpacedAtLeast(frames, 2);
    }

    @Test
    void staticSlideIsToppedUpWithIntervalFrames() throws Exception {
        Path still = Slides.video(dir.resolve("still.mp4"), 640, 360, 5,
                List.of(new Slide("0x263238", "white", "RSI divergence", 30)));

        List<SampledFrame> frames = sampler.sample(still, 30, out, Checkpoint.NONE);

        assertThat(frames).hasSizeGreaterThanOrEqualTo(5);
        assertThat(frames.getFirst().timeSeconds()).isEqualTo(0.5);
        assertThat(frames.subList(1, frames.size())).extracting(SampledFrame::selection)
                .containsOnly(SampledFrame.INTERVAL);
        assertThat(frames.getLast().timeSeconds()).isGreaterThan(20);
        assertSpacedAtLeast(frames, 2);
        assertThat(frames).allSatisfy(f -> assertThat(f.width()).isEqualTo(640));
    }

    @Test
    void capKeepsTheMostSpreadOutFrames() throws Exception {
        String[] colours = {"white", "black", "red", "navy", "yellow", "green"};
        List<Slide> slides = IntStream.range(0, 12)
                .mapToObj(i -> new Slide(colours[i % colours.length], "gray", "Slide " + (i + 1), 5)).toList();
        Path lesson = Slides.video(dir.resolve("twelve.mp4"), 320, 180, 5, slides);
        var props = new FrameProperties(null, 0, null, 4, null, 0, null, null, null, 0, null, null, 0, null);

        List<SampledFrame> frames = new FrameSampler(props).sample(lesson, 60, out, Checkpoint.NONE);

        assertThat(frames).hasSize(4);
        assertThat(frames.getFirst().timeSeconds()).isEqualTo(0.5);
        assertSpacedAtLeast(frames, 14);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(4);
        }
    }

    @Test
    void cancellationLeavesNoFrames() throws Exception {
        AtomicBoolean framesWritten = new AtomicBoolean();
        Checkpoint cancelAfterTwoFrames = () -> {
            try (Stream<Path> files = Files.list(out)) {
                if (files.count() >= 2) {
                    framesWritten.set(true);
                    throw new StageCancelledException("run cancelled");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };

        assertThatThrownBy(() -> sampler.sample(threeSlides, 12, out, cancelAfterTwoFrames))
                .isInstanceOf(StageCancelledException.class);
        assertThat(framesWritten).isTrue();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fileThatIsNotAVideoFailsWithAReason() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");

        assertThatThrownBy(() -> sampler.sample(text, 10, out, Checkpoint.NONE))
                .isInstanceOf(IOException.class).hasMessageStartingWith("scene detection failed");
        assertThatThrownBy(() -> sampler.sample(dir.resolve("missing.mp4"), 10, out, Checkpoint.NONE))
                .isInstanceOf(IOException.class).hasMessageStartingWith("video not found");
    }

    @Test
    void missingFfmpegIsNamed() {
        var props = new FrameProperties("/nonexistent/ffmpeg", 0, null, 0, null, 0, null, null, null, 0, null, null,
                0, null);

        assertThatThrownBy(() -> new FrameSampler(props).sample(threeSlides, 12, out, Checkpoint.NONE))
                .isInstanceOf(IOException.class).hasMessageContaining("ffmpeg is not available");
    }

    private static void assertSpacedAtLeast(List<SampledFrame> frames, double seconds) {
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).timeSeconds() - frames.get(i - 1).timeSeconds()).isGreaterThanOrEqualTo(seconds);
        }
    }
}
