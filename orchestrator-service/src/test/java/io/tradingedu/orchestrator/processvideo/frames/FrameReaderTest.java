package io.tradingedu.orchestrator.processvideo.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.orchestrator.media.Checkpoint;
import io.tradingedu.orchestrator.media.ProgressListener;
import io.tradingedu.orchestrator.media.StageCancelledException;
import io.tradingedu.orchestrator.processvideo.frames.Slides.Slide;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real tesseract on generated slides. */
class FrameReaderTest {

    @TempDir
    static Path dir;
    static SampledFrame rsiSlide;
    static SampledFrame welcomeSlide;
    static SampledFrame blankFrame;

    private final FrameReader reader = new FrameReader(FrameProperties.defaults(), new TradingTextDetector());

    @BeforeAll
    static void generate() throws Exception {
        rsiSlide = frame(1, Slides.image(dir.resolve("rsi.jpg"), 1280, 720,
                new Slide("black", "white", "Buy AAPL when RSI(14) < 30", 1)));
        welcomeSlide = frame(2, Slides.image(dir.resolve("welcome.jpg"), 1280, 720,
                new Slide("white", "black", "Welcome to the course", 1)));
        blankFrame = frame(3, Slides.image(dir.resolve("blank.jpg"), 1280, 720, new Slide("0x1565c0", "", "", 1)));
    }

    private static SampledFrame frame(double time, Path image) {
        return new SampledFrame(time, image, 1280, 720, SampledFrame.SCENE);
    }

    @Test
    void readsSlideTextWithConfidenceAndFlagsTradingText() throws Exception {
        FrameOcr rsi = reader.read(List.of(rsiSlide), Checkpoint.NONE, ProgressListener.NONE).getFirst();

        assertThat(rsi.problem()).isNull();
        assertThat(rsi.text()).contains("AAPL", "RSI", "30");
        assertThat(rsi.confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
        assertThat(rsi.tradingText()).isTrue();
        assertThat(rsi.frame()).isEqualTo(rsiSlide);
    }

    @Test
    void readsEveryFrameInOrderAndReportsProgress() throws Exception {
        List<String> messages = new CopyOnWriteArrayList<>();

        List<FrameOcr> results = reader.read(List.of(welcomeSlide, blankFrame, rsiSlide), Checkpoint.NONE,
                messages::add);

        assertThat(results).extracting(FrameOcr::frame).containsExactly(welcomeSlide, blankFrame, rsiSlide);
        FrameOcr welcome = results.get(0);
        assertThat(welcome.text()).isEqualTo("Welcome to the course");
        assertThat(welcome.tradingText()).isFalse();
        FrameOcr blank = results.get(1);
        assertThat(blank.text()).isEmpty();
        assertThat(blank.confidence()).isNull();
        assertThat(blank.tradingText()).isFalse();
        assertThat(blank.problem()).isNull();
        assertThat(results.get(2).tradingText()).isTrue();
        assertThat(messages).containsExactly("reading frame 1 / 3", "reading frame 2 / 3", "reading frame 3 / 3");
    }

    @Test
    void unreadableFrameIsReportedWhileOthersAreRead() throws Exception {
        SampledFrame missing = frame(9, dir.resolve("gone.jpg"));

        List<FrameOcr> results = reader.read(List.of(rsiSlide, missing), Checkpoint.NONE, ProgressListener.NONE);

        assertThat(results.get(0).problem()).isNull();
        assertThat(results.get(1).problem()).startsWith("tesseract failed");
        assertThat(results.get(1).text()).isEmpty();
    }

    @Test
    void failsWhenNoFrameCanBeRead() {
        SampledFrame missing = frame(9, dir.resolve("gone.jpg"));

        assertThatThrownBy(() -> reader.read(List.of(missing), Checkpoint.NONE, ProgressListener.NONE))
                .isInstanceOf(IOException.class).hasMessageStartingWith("OCR failed on every frame: tesseract failed");
    }

    @Test
    void missingTesseractIsNamed() {
        var props = new FrameProperties(null, 0, null, 0, null, 0, null, null, null, 0, "/nonexistent/tesseract", null,
                0, null);

        assertThatThrownBy(() -> new FrameReader(props, new TradingTextDetector())
                .read(List.of(rsiSlide), Checkpoint.NONE, ProgressListener.NONE))
                .isInstanceOf(IOException.class).hasMessageContaining("tesseract is not available");
    }

    @Test
    void cancellationStopsReading() {
        Checkpoint cancelled = () -> {
            throw new StageCancelledException("run cancelled");
        };

        assertThatThrownBy(() -> reader.read(List.of(rsiSlide, welcomeSlide), cancelled, ProgressListener.NONE))
                .isInstanceOf(StageCancelledException.class);
    }

    @Test
    void noFramesNothingToRead() throws Exception {
        assertThat(reader.read(List.of(), Checkpoint.NONE, ProgressListener.NONE)).isEmpty();
    }
}
