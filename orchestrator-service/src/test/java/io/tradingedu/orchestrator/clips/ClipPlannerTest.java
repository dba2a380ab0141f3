package io.tradingedu.orchestrator.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClipPlannerTest {

    /** The defaults but with a one-minute maximum, which the expected windows below are worked out for. */
    private final ClipPlanner planner = new ClipPlanner(props(5, 8, 4, 8, 60, 12, 0.5));

    @Test
    void padsEachHitBeforeAndAfter() {
        ClipPlan plan = planner.plan(List.of(ClipHit.of("RSI", "indicator", 20, 21, 0.9)), 120);

        assertThat(plan.clips()).singleElement().satisfies(c -> {
            assertThat(c.start()).isEqualTo(15.0);
            assertThat(c.end()).isEqualTo(29.0);
            assertThat(c.keywords()).containsExactly("RSI");
            assertThat(c.categories()).containsExactly("indicator");
            assertThat(c.hits()).isEqualTo(1);
        });
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void clampsWindowsToTheStartAndTheEndOfTheVideo() {
        ClipPlan plan = planner.plan(List.of(hit("RSI", 1, 2), hit("MACD", 57, 58)), 60);

        assertThat(plan.clips()).extracting(PlannedClip::start, PlannedClip::end)
                .containsExactly(tuple(0.0, 10.0), tuple(52.0, 60.0));
    }

    @Test
    void mergesOverlappingAndNearWindowsKeepingKeywordsInOrder() {
        ClipPlan plan = planner.plan(List.of(
                new ClipHit("RSI", "indicator", 10, 11, 0.9, 0.8),
                new ClipHit("MACD", "indicator", 20, 21, 0.9, 0.8),
                new ClipHit("RSI", "indicator", 36, 37, 0.9, 0.8),      // window starts 2 s after the last one ends
                new ClipHit("stop loss", "risk", 60, 61, 0.9, 0.8)),   // 11 s away: a clip of its own
                100);

        assertThat(plan.clips()).hasSize(2);
        PlannedClip merged = plan.clips().getFirst();
        assertThat(merged.start()).isEqualTo(5.0);
        assertThat(merged.end()).isEqualTo(45.0);
        assertThat(merged.hits()).isEqualTo(3);
        assertThat(merged.keywords()).containsExactly("RSI", "MACD");
        assertThat(plan.clips().get(1).keywords()).containsExactly("stop loss");
        assertThat(plan.clips().get(1).categories()).containsExactly("risk");
        assertThat(plan.notes()).containsExactly("4 hits grouped into 2 windows");
    }

    @Test
    void startsANewWindowRatherThanGrowingPastTheMaximum() {
        List<ClipHit> hits = IntStream.rangeClosed(1, 10).mapToObj(i -> hit("RSI", i * 10, i * 10 + 1)).toList();

        ClipPlan plan = planner.plan(hits, 200);

        assertThat(plan.clips()).extracting(PlannedClip::start, PlannedClip::end)
                .containsExactly(tuple(5.0, 59.0), tuple(59.0, 109.0));
        assertThat(plan.clips()).allSatisfy(c -> assertThat(c.duration()).isLessThanOrEqualTo(60.0));
        assertThat(plan.clips()).extracting(PlannedClip::hits).containsExactly(5, 5);
        assertThat(plan.notes()).contains("1 new window started to stay within the 60 s maximum");
    }

    @Test
    void cutsALongSingleHitWindowToTheMaximumAroundTheHit() {
        ClipPlan plan = planner.plan(List.of(hit("head and shoulders", 100, 180)), 300);

        assertThat(plan.clips()).singleElement().satisfies(c -> {
            assertThat(c.start()).isEqualTo(110.0);
            assertThat(c.end()).isEqualTo(170.0);
        });
        assertThat(plan.notes()).containsExactly("1 hit window cut to the 60 s maximum");
    }

    @Test
    void widensShortWindowsSymmetricallyWithinTheVideo() {
        var tight = new ClipPlanner(props(1, 1, 4, 8, 60, 12, 0.5));

        ClipPlan plan = tight.plan(List.of(hit("RSI", 10, 11), hit("MACD", 30, 30.5), hit("ATR", 58.5, 59)), 60);

        assertThat(plan.clips()).extracting(PlannedClip::start, PlannedClip::end)
                .containsExactly(tuple(6.5, 14.5), tuple(26.25, 34.25), tuple(52.0, 60.0));
        assertThat(plan.notes()).containsExactly("3 windows widened towards the 8 s minimum");
    }

    @Test
    void videoShorterThanTheMinimumBecomesOneWholeClip() {
        ClipPlan plan = new ClipPlanner(props(1, 1, 4, 8, 60, 12, 0.5)).plan(List.of(hit("RSI", 2, 3)), 5);

        assertThat(plan.clips()).extracting(PlannedClip::start, PlannedClip::end).containsExactly(tuple(0.0, 5.0));
    }

    @Test
    void ranksByDensityAndImportanceAndKeepsTheBestInTimeOrder() {
        var capped = new ClipPlanner(props(5, 8, 4, 8, 60, 2, 0.5));
        ClipPlan plan = capped.plan(List.of(
                new ClipHit("doji", "pattern", 20, 21, 0.9, 0.5),            // one ordinary hit: dropped
                new ClipHit("RSI", "indicator", 100, 101, 0.9, 0.5),         // three hits in 16 s: densest
                new ClipHit("RSI", "indicator", 101, 102, 0.9, 0.5),
                new ClipHit("divergence", "signal", 102, 103, 0.9, 0.5),
                new ClipHit("stop loss", "risk", 200, 201, 0.9, 1.0)),       // one important hit
                300);

        assertThat(plan.clips()).extracting(PlannedClip::start).containsExactly(95.0, 195.0);
        assertThat(plan.clips().get(0).score()).isGreaterThan(plan.clips().get(1).score());
        assertThat(plan.clips().get(0).score()).isCloseTo(3 * 0.45 * 60 / 16, within(1e-3));
        assertThat(plan.notes()).contains("capped at 2 of 3 windows (lowest scores dropped)");
    }

    @Test
    void ignoresHitsBelowTheConfidenceFloor() {
        List<ClipHit> hits = new ArrayList<>();
        IntStream.range(0, 7).forEach(i -> hits.add(ClipHit.of("RSI", "indicator", 10 + i, 11 + i, 0.3)));
        hits.add(ClipHit.of("MACD", "indicator", 100, 101, 0.8));

        ClipPlan plan = planner.plan(hits, 200);

        assertThat(plan.clips()).singleElement().satisfies(c -> assertThat(c.keywords()).containsExactly("MACD"));
        assertThat(plan.notes()).containsExactly("7 hits below the confidence floor 0.50 ignored");
    }

    @Test
    void noUsableHitsGiveNoClipsAndSayWhy() {
        ClipPlan low = planner.plan(List.of(ClipHit.of("RSI", "indicator", 10, 11, 0.1)), 60);
        ClipPlan outside = planner.plan(List.of(hit("RSI", 70, 71)), 60);

        assertThat(low.clips()).isEmpty();
        assertThat(low.notes()).containsExactly("1 hit below the confidence floor 0.50 ignored",
                "no usable keyword hits: no clips");
        assertThat(outside.clips()).isEmpty();
        assertThat(outside.notes()).containsExactly("1 hit outside the video (0-60 s) ignored",
                "no usable keyword hits: no clips");
    }

    @Test
    void noHitsGiveNoClips() {
        assertThat(planner.plan(List.of(), 600)).isEqualTo(new ClipPlan(List.of(), List.of("no keyword hits: no clips")));
        assertThat(planner.plan(List.of(hit("RSI", 1, 2)), 0).clips()).isEmpty();
    }

    @Test
    void theSameHitsInAnyOrderGiveTheSamePlan() {
        Random random = new Random(7);
        List<ClipHit> hits = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double start = random.nextDouble() * 590;
            hits.add(new ClipHit(i % 3 == 0 ? "RSI" : "MACD", "indicator", start, start + random.nextDouble() * 3,
                    0.4 + random.nextDouble() * 0.6, random.nextDouble()));
        }
        ClipPlan first = planner.plan(hits, 600);
        List<ClipHit> shuffled = new ArrayList<>(hits);
        Collections.shuffle(shuffled, new Random(99));

        assertThat(planner.plan(shuffled, 600)).isEqualTo(first);
        assertThat(first.clips()).hasSizeLessThanOrEqualTo(12).isSortedAccordingTo(
                Comparator.comparingDouble(PlannedClip::start));
        assertThat(first.clips()).allSatisfy(c -> assertThat(c.duration()).isBetween(8.0, 60.0));
    }

    @Test
    void rejectsSettingsThatContradictEachOther() {
        assertThatThrownBy(() -> props(5, 8, 4, 90, 60, 12, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-duration <= max-duration");
        assertThatThrownBy(() -> props(5, 8, 4, 8, 60, 0, 0.5)).hasMessageContaining("max-clips");
    }

    private static ClipHit hit(String keyword, double start, double end) {
        return new ClipHit(keyword, "indicator", start, end, 0.9, 0.5);
    }

    static ClipProperties props(double before, double after, double gap, double min, double max, int maxClips,
                                double minConfidence) {
        return new ClipProperties(ms(before), ms(after), ms(gap), ms(min), ms(max), maxClips, minConfidence, null,
                null, null, null, null, null);
    }

    private static Duration ms(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
