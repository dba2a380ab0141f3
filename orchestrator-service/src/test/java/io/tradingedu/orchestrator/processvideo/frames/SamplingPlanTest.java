package io.tradingedu.orchestrator.processvideo.frames;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.processvideo.frames.SamplingPlan.Pick;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplingPlanTest {

    static FrameProperties properties(double minSpacingSeconds, int maxFrames) {
        return new FrameProperties(null, 0, Duration.ofMillis(Math.round(minSpacingSeconds * 1000)), maxFrames,
                Duration.ofSeconds(10), 0, null, null, null, 0, null, null, 0, null);
    }

    @Test
    void keepsOpeningFrameAndSceneChangesAtLeastMinSpacingApart() {
        var picks = SamplingPlan.choose(List.of(1.0, 4.0, 4.4, 5.9, 6.1, 8.2), 10, properties(2, 60));

        assertThat(picks).extracting(Pick::time).containsExactly(0.5, 4.0, 6.1, 8.2);
        assertThat(picks).extracting(Pick::selection).containsOnly(SampledFrame.SCENE);
    }

    @Test
    void staticVideoIsToppedUpWithIntervalFrames() {
        var picks = SamplingPlan.choose(List.of(), 30, properties(2, 60));

        // a sixth of 30 s
        assertThat(picks).extracting(Pick::time).containsExactly(0.5, 5.5, 10.5, 15.5, 20.5, 25.5);
        assertThat(picks.getFirst().selection()).isEqualTo(SampledFrame.SCENE);
        assertThat(picks.subList(1, picks.size())).extracting(Pick::selection).containsOnly(SampledFrame.INTERVAL);
    }

    @Test
    void intervalFramesStayAwayFromSceneFrames() {
        var picks = SamplingPlan.choose(List.of(11.0), 30, properties(2, 60));

        assertThat(picks).extracting(Pick::time).containsExactly(0.5, 5.5, 11.0, 15.5, 20.5, 25.5);
        assertThat(picks).filteredOn(p -> p.time() == 11.0).extracting(Pick::selection)
                .containsExactly(SampledFrame.SCENE);
    }

    @Test
    void enoughSceneChangesNeedNoTopUp() {
        var picks = SamplingPlan.choose(List.of(4.0, 8.0), 12, properties(2, 60));

        assertThat(picks).extracting(Pick::time).containsExactly(0.5, 4.0, 8.0);
    }

    @Test
    void sparseScenesOnALongVideoAreToppedUpEveryTargetInterval() {
        var picks = SamplingPlan.choose(List.of(100.0), 300, properties(2, 60));

        assertThat(picks).filteredOn(p -> p.selection().equals(SampledFrame.INTERVAL)).extracting(Pick::time)
                .contains(10.5, 20.5, 290.5).doesNotContain(100.5);
        assertThat(picks).hasSize(30);
    }

    @Test
    void intervalStretchesSoThatAnHourFitsTheCap() {
        assertThat(SamplingPlan.interval(3600, properties(2, 60))).isEqualTo(60.0);
        assertThat(SamplingPlan.choose(List.of(), 3600, properties(2, 60))).hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void overTheCapTheMostSpreadOutFramesAreKept() {
        List<Double> everyTwoSeconds = IntStream.rangeClosed(1, 50).mapToObj(i -> i * 2.0).toList();

        var picks = SamplingPlan.choose(everyTwoSeconds, 101, properties(2, 5));

        assertThat(picks).hasSize(5);
        assertThat(picks.getFirst().time()).isEqualTo(0.5);
        assertThat(picks.getLast().time()).isEqualTo(100.0);
        for (int i = 1; i < picks.size(); i++) {
            assertThat(picks.get(i).time() - picks.get(i - 1).time()).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void veryShortVideoStillGetsItsOpeningFrame() {
        assertThat(SamplingPlan.choose(List.of(), 0.6, properties(2, 60))).extracting(Pick::time).containsExactly(0.3);
    }
}
