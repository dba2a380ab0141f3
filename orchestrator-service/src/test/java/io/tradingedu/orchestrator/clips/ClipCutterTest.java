package io.tradingedu.orchestrator.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.orchestrator.clips.ClipProperties.CutMode;
import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.media.StageCancelledException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real ffmpeg and ffprobe on generated videos. */
class ClipCutterTest {

    @TempDir
    static Path media;
    static Path lesson;
    static Path silent;

    @TempDir
    Path out;

    private final ClipCutter cutter = new ClipCutter(ClipProperties.defaults());

    @BeforeAll
    static void generate() throws Exception {
        lesson = ClipTestMedia.lesson(media);
        silent = ClipTestMedia.silentLesson(media);
    }

    @Test
    void reencodedClipsLastWhatThePlanSays() throws Exception {
        ClipPlan plan = new ClipPlanner(ClipProperties.defaults()).plan(List.of(
                ClipHit.of("RSI", "indicator", 3.3, 3.9, 0.9),
                ClipHit.of("MACD", "indicator", 27.13, 28.0, 0.8),
                ClipHit.of("stop loss", "risk", 55.5, 56.2, 0.95)), 60);
        List<String> progress = new ArrayList<>();

        ClipBatch batch = cutter.cutAll(lesson, plan.clips(), out, Checkpoint.NONE, progress::add);
        List<CutClip> clips = batch.clips().stream().map(ClipBatch.Cut::clip).toList();

        assertThat(clips).hasSize(3);
        assertThat(batch.notes()).isEmpty();
        for (int i = 0; i < clips.size(); i++) {
            CutClip clip = clips.get(i);
            double measured = ClipTestMedia.duration(clip.file());
            assertThat(measured).isCloseTo(plan.clips().get(i).duration(), within(0.1));
            assertThat(clip.durationSeconds()).isCloseTo(measured, within(0.001));
            assertThat(clip.file().getFileName()).hasToString("clip-0" + (i + 1) + ".mp4");
            assertThat(clip.sizeBytes()).isEqualTo(Files.size(clip.file()));
            assertThat(clip.cutMode()).isEqualTo("reencode");
            assertThat(ClipTestMedia.streams(clip.file())).containsExactly("video:h264:320x240", "audio:aac");
        }
        assertThat(progress).containsExactly("cutting clip 1 of 3 (0:00-0:11)", "cutting clip 2 of 3 (0:22-0:36)",
                "cutting clip 3 of 3 (0:50-1:00)");
        assertThat(listNames(out)).containsExactlyInAnyOrder("clip-01.mp4", "clip-01.jpg", "clip-02.mp4",
                "clip-02.jpg", "clip-03.mp4", "clip-03.jpg");
    }

    @Test
    void clipIsStreamableBecauseItsIndexComesFirst() throws Exception {
        CutClip clip = cutter.cut(lesson, 10, 20, out.resolve("a.mp4"));

        String head = new String(Files.readAllBytes(clip.file()), StandardCharsets.ISO_8859_1);
        assertThat(head.indexOf("moov")).isPositive().isLessThan(head.indexOf("mdat"));
    }

    @Test
    void thumbnailIsAJpegOfTheConfiguredWidthKeepingTheAspect() throws Exception {
        CutClip clip = cutter.cut(lesson, 30, 42.5, out.resolve("b.mp4"));

        assertThat(clip.thumbnail()).hasFileName("b.jpg").isRegularFile();
        byte[] bytes = Files.readAllBytes(clip.thumbnail());
        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xD8);
        assertThat(ClipTestMedia.streams(clip.thumbnail())).containsExactly("video:mjpeg:320x240");
    }

    @Test
    void streamCopyStartsAtAKeyframeAndReportsItsRealDuration() throws Exception {
        // Keyframes every 2 s: a copy asked to start at 5 s starts at the keyframe at 4 s.
        CutClip clip = cutter.cut(lesson, 5, 15, out.resolve("copy.mp4"), CutMode.COPY);

        double measured = ClipTestMedia.duration(clip.file());
        assertThat(clip.cutMode()).isEqualTo("copy");
        assertThat(clip.durationSeconds()).isCloseTo(measured, within(0.001));
        assertThat(measured).isGreaterThan(10.5).isLessThan(11.6);
        assertThat(ClipTestMedia.streams(clip.file())).containsExactly("video:h264:320x240", "audio:aac");
        assertThat(ClipTestMedia.streams(clip.thumbnail())).containsExactly("video:mjpeg:320x240");
    }

    @Test
    void streamCopyFallsBackToReencodingWhenMp4CannotHoldTheAudio() throws Exception {
        Path pcm = ClipTestMedia.pcmMatroska(media);

        CutClip clip = cutter.cut(pcm, 2, 9, out.resolve("pcm.mp4"), CutMode.COPY);

        assertThat(clip.cutMode()).isEqualTo("reencode");
        assertThat(clip.durationSeconds()).isCloseTo(7.0, within(0.1));
        assertThat(ClipTestMedia.streams(clip.file())).containsExactly("video:h264:320x240", "audio:aac");
    }

    @Test
    void videoWithoutAudioIsCut() throws Exception {
        CutClip clip = cutter.cut(silent, 41.3, 52.1, out.resolve("silent.mp4"));

        assertThat(ClipTestMedia.duration(clip.file())).isCloseTo(10.8, within(0.1));
        assertThat(ClipTestMedia.streams(clip.file())).containsExactly("video:h264:320x240");
        assertThat(clip.thumbnail()).isRegularFile();
    }

    @Test
    void missingVideoFailsWithAReadableMessageAndLeavesNothing() throws Exception {
        Path dir = out.resolve("clips");

        assertThatThrownBy(() -> cutter.cut(media.resolve("gone.mp4"), 1, 9, dir.resolve("clip-01.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot cut clips: video not found: " + media.resolve("gone.mp4"));
        assertThat(dir).doesNotExist();
    }

    @Test
    void unreadableVideoFailsWithFfmpegsReasonAndLeavesNoPartialFile() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Path bad = Files.write(media.resolve("noise.mp4"), noise);

        assertThatThrownBy(() -> cutter.cut(bad, 1, 9, out.resolve("clip-01.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("ffmpeg failed (exit ")
                .hasMessageContaining("moov atom not found; ")
                .hasMessageEndingWith("noise.mp4: Invalid data found when processing input");
        assertThat(listNames(out)).isEmpty();
    }

    @Test
    void cancelledBatchRemovesTheClipsItAlreadyCut() throws Exception {
        List<PlannedClip> clips = List.of(planned(1, 9), planned(20, 28), planned(40, 48));
        AtomicInteger checks = new AtomicInteger();
        Checkpoint cancelOnSecond = () -> {
            if (checks.incrementAndGet() == 2) {
                throw new StageCancelledException("run cancelled");
            }
        };

        assertThatThrownBy(() -> cutter.cutAll(lesson, clips, out, cancelOnSecond, ProgressListener.NONE))
                .isInstanceOf(StageCancelledException.class);
        assertThat(listNames(out)).isEmpty();
    }

    @Test
    void aClipThatCannotBeCutIsSkippedWithANoteAndTheOthersKept() throws Exception {
        Path damaged = ClipTestMedia.truncatedCopy(silent, media.resolve("damaged.mkv"), 50);

        ClipBatch batch = cutter.cutAll(damaged, List.of(planned(1, 9), planned(40, 48)), out, Checkpoint.NONE,
                ProgressListener.NONE);

        assertThat(batch.clips()).singleElement().satisfies(c -> assertThat(c.plan().start()).isEqualTo(1));
        assertThat(batch.notes()).singleElement().asString().startsWith("clip 2 (0:40-0:48) could not be cut: ");
        assertThat(listNames(out)).containsExactlyInAnyOrder("clip-01.mp4", "clip-01.jpg");
    }

    @Test
    void missingFfmpegIsNamedInTheMessage() {
        var broken = new ClipCutter(new ClipProperties(null, null, null, null, null, null, null, null, null, null,
                null, "/nonexistent/ffmpeg", null));

        assertThatThrownBy(() -> broken.cut(lesson, 1, 9, out.resolve("x.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("ffmpeg could not be started (/nonexistent/ffmpeg)");
        assertThat(out).isEmptyDirectory();
    }

    private static PlannedClip planned(double start, double end) {
        return new PlannedClip(start, end, List.of("RSI"), List.of("indicator"), 1, 1.0);
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
