package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunEventHubTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private RunEventHub hub;

    @AfterEach
    void closeHub() {
        if (hub != null) {
            hub.destroy();
        }
    }

    @Test
    void fansEachEventOutToEveryOpenStream() {
        hub = hub(10, Duration.ofSeconds(10), Duration.ofMinutes(5), 16);
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        hub.subscribe("trader", first);
        hub.subscribe("trader", second);

        hub.publish("e1", "run", "{\"media_id\":\"m1\"}");
        hub.publish("e2", "run", "{\"media_id\":\"m2\"}");

        for (RecordingSink sink : List.of(first, second)) {
            await().atMost(WAIT).until(() -> sink.events().size() == 2);
            assertThat(sink.events()).containsExactly("id: e1\nevent: run\ndata: {\"media_id\":\"m1\"}\n\n",
                    "id: e2\nevent: run\ndata: {\"media_id\":\"m2\"}\n\n");
        }
    }

    @Test
    void oneKeyCannotTakeEverySlot() {
        hub = new RunEventHub(new DashboardProperties(10, Duration.ofSeconds(10), Duration.ofMinutes(5), 16, null,
                null, 2), Clock.systemUTC());
        RunEventHub.Subscription first = hub.subscribe("greedy", new RecordingSink());
        hub.subscribe("greedy", new RecordingSink());

        assertThatThrownBy(() -> hub.subscribe("greedy", new RecordingSink()))
                .isInstanceOf(RunEventHub.ClientStreamLimitReachedException.class)
                .hasMessageContaining("limit of 2 live event streams");
        hub.subscribe("patient", new RecordingSink());
        assertThat(hub.openStreams()).isEqualTo(3);

        first.end();
        hub.subscribe("greedy", new RecordingSink());
        assertThat(hub.openStreams()).isEqualTo(3);
    }

    @Test
    void refusesAStreamBeyondTheCapAndTakesOneAgainOnceAStreamEnds() {
        hub = hub(2, Duration.ofSeconds(10), Duration.ofMinutes(5), 16);
        RunEventHub.Subscription first = hub.subscribe("trader", new RecordingSink());
        hub.subscribe("trader", new RecordingSink());

        assertThatThrownBy(() -> hub.subscribe("trader", new RecordingSink()))
                .isInstanceOf(RunEventHub.StreamLimitReachedException.class)
                .hasMessageContaining("limit of 2 live event streams");

        first.end();
        assertThat(hub.openStreams()).isEqualTo(1);
        hub.subscribe("trader", new RecordingSink());
        assertThat(hub.openStreams()).isEqualTo(2);
    }

    @Test
    void dropsAClientThatWentAwayAndKeepsServingTheOthers() {
        hub = hub(10, Duration.ofSeconds(10), Duration.ofMinutes(5), 16);
        RecordingSink gone = new RecordingSink();
        gone.failSends = true;
        RecordingSink staying = new RecordingSink();
        hub.subscribe("trader", gone);
        hub.subscribe("trader", staying);

        hub.publish("e1", "run", "{}");

        await().atMost(WAIT).until(() -> gone.closed.getCount() == 0 && hub.openStreams() == 1);
        await().atMost(WAIT).until(() -> staying.events().size() == 1);
        hub.publish("e2", "run", "{}");
        await().atMost(WAIT).until(() -> staying.events().size() == 2);
    }

    @Test
    void dropsAClientThatFallsFurtherBehindThanItsBacklog() throws Exception {
        hub = hub(10, Duration.ofSeconds(10), Duration.ofMinutes(5), 3);
        RecordingSink stuck = new RecordingSink();
        stuck.blockSends = new CountDownLatch(1);
        RecordingSink quick = new RecordingSink();
        hub.subscribe("trader", stuck);
        hub.subscribe("trader", quick);

        // paced, so that only the stalled client falls behind
        for (int i = 0; i < 8; i++) {
            hub.publish("e" + i, "run", "{}");
            int sent = i + 1;
            await().atMost(WAIT).until(() -> quick.events().size() == sent);
        }

        await().atMost(WAIT).until(() -> stuck.closed.getCount() == 0);
        assertThat(hub.openStreams()).isEqualTo(1);
        stuck.blockSends.countDown();
    }

    /**
     * Like Spring's emitter on a socket nobody reads: the stalled send ignores interrupts and holds the write lock
     * that closing the stream needs too. Dropping that client must not hold up the events of the others.
     */
    @Test
    void droppingAStalledClientDoesNotHoldUpTheOthers() {
        hub = hub(10, Duration.ofSeconds(10), Duration.ofMinutes(5), 2);
        RecordingSink stuck = new RecordingSink();
        stuck.blockSends = new CountDownLatch(1);
        stuck.uninterruptible = true;
        RecordingSink quick = new RecordingSink();
        hub.subscribe("trader", stuck);
        hub.subscribe("trader", quick);

        try {
            // (a guard against a hang, not a performance target: a publish that waits for the close never returns)
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 8; i++) {
                    hub.publish("e" + i, "run", "{}");
                    int sent = i + 1;
                    await().atMost(WAIT).until(() -> quick.events().size() == sent);
                }
            }, "publishing waited for the stalled client's stream to close");
            assertThat(hub.openStreams()).isEqualTo(1);
            assertThat(stuck.closed.getCount()).as("the stalled stream's close still waits for its send").isEqualTo(1);
        } finally {
            stuck.blockSends.countDown();
        }
        await().atMost(WAIT).until(() -> stuck.closed.getCount() == 0);
    }

    @Test
    void sendsHeartbeatsOnAnIdleStreamAndEndsItAfterItsTimeout() {
        hub = hub(10, Duration.ofMillis(100), Duration.ofMillis(700), 16);
        RecordingSink idle = new RecordingSink();
        hub.subscribe("trader", idle);

        await().atMost(WAIT).until(() -> idle.frames.stream().filter(RunEventHub.HEARTBEAT::equals).count() >= 2);
        await().atMost(WAIT).until(() -> idle.closed.getCount() == 0);
        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void tellsEachClientHowLongToWaitBeforeReconnecting() {
        hub = hub(10, Duration.ofSeconds(10), Duration.ofMinutes(5), 16);
        RecordingSink sink = new RecordingSink();
        hub.subscribe("trader", sink);

        await().atMost(WAIT).until(() -> !sink.frames.isEmpty());
        assertThat(sink.frames.getFirst()).isEqualTo("retry: 2000\n\n");
    }

    private static RunEventHub hub(int maxStreams, Duration heartbeat, Duration timeout, int backlog) {
        return new RunEventHub(new DashboardProperties(maxStreams, heartbeat, timeout, backlog, null, null, null),
                Clock.systemUTC());
    }

    /** A client: records frames; can fail like a closed connection or block like a stalled one. */
    static final class RecordingSink implements RunEventHub.Sink {

        final List<String> frames = new CopyOnWriteArrayList<>();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile boolean failSends;
        volatile CountDownLatch blockSends;
        /** A stalled send that ignores interrupts, as a blocking socket write does. */
        volatile boolean uninterruptible;
        /** Sending and closing share one lock, as Spring's ResponseBodyEmitter's send and complete do. */
        private final ReentrantLock writeLock = new ReentrantLock();

        @Override
        public void send(String frame) throws IOException {
            writeLock.lock();
            try {
                if (failSends && frame.startsWith("id:")) {
                    throw new IOException("Broken pipe");
                }
                CountDownLatch block = blockSends;
                if (block != null && frame.startsWith("id:")) {
                    stall(block);
                }
                frames.add(frame);
            } finally {
                writeLock.unlock();
            }
        }

        private void stall(CountDownLatch block) throws IOException {
            boolean interrupted = false;
            while (true) {
                try {
                    block.await();
                    break;
                } catch (InterruptedException e) {
                    if (!uninterruptible) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while the client stalled");
                    }
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            writeLock.lock();
            try {
                closed.countDown();
            } finally {
                writeLock.unlock();
            }
        }

        List<String> events() {
            return frames.stream().filter(frame -> frame.startsWith("id:")).toList();
        }
    }
}
