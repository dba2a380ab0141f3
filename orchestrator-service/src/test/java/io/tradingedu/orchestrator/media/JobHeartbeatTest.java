package io.tradingedu.orchestrator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.pipeline.ProcessVideo;
import io.tradingedu.shared.pipeline.StageCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobHeartbeatTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final MediaWorkProperties PROPERTIES = new MediaWorkProperties(4, Duration.ofSeconds(15),
            Duration.ofSeconds(2), Duration.ofHours(1));

    private final ProcessVideo command = ProcessVideo.of(UUID.randomUUID(), UUID.randomUUID(), 1, "/m/a.mp4", null);
    private final AtomicBoolean wanted = new AtomicBoolean(true);
    private final List<String> published = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final JobHeartbeat beat = new JobHeartbeat(command, Thread.currentThread(), new RunLiveness(null) {
        @Override
        public boolean wantsResult(StageCommand c) {
            return wanted.get();
        }
    }, new ProgressPublisher(null, null) {
        @Override
        void publish(StageCommand c, String message) {
            published.add(message);
        }
    }, PROPERTIES, clock);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void announcesThePickUpAtOnceThenOnChangeOrEveryHeartbeatInterval() {
        beat.run();
        beat.progress("transcribing 0:10 / 9:54");
        clock.advance(Duration.ofSeconds(1));
        beat.run();
        clock.advance(Duration.ofSeconds(2));
        beat.run();
        clock.advance(Duration.ofSeconds(2));
        beat.run();
        clock.advance(Duration.ofSeconds(15));
        beat.run();

        assertThat(published).containsExactly("started", "transcribing 0:10 / 9:54", "transcribing 0:10 / 9:54");
    }

    @Test
    void aRunThatNoLongerWantsTheResultInterruptsTheJobWhoseCheckpointThenStops() {
        beat.run();
        wanted.set(false);

        beat.run();

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThatThrownBy(beat::checkpoint).isInstanceOf(StageCancelledException.class)
                .hasMessageContaining("cancelled, deleted or got this stage's result elsewhere");
        assertThat(Thread.currentThread().isInterrupted()).as("consumed, so clean-up can wait").isFalse();
        assertThat(beat.overtime()).isFalse();
        beat.run();
        assertThat(published).containsExactly("started");
    }

    @Test
    void aJobPastItsTimeLimitIsStoppedAsOvertime() {
        beat.run();
        clock.advance(Duration.ofHours(1));

        beat.run();

        assertThat(beat.overtime()).isTrue();
        assertThat(beat.stopReason()).contains("longer than PT1H");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void noInterruptReachesTheThreadAfterTheJobFinished() {
        beat.finish();
        wanted.set(false);

        beat.run();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
