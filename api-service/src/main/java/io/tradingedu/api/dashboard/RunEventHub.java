package io.tradingedu.api.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fans the pipeline's run events out to the dashboards connected to this instance. Bounded on every side: at most
 * {@code maxStreams} subscriptions (one more is refused), at most {@code clientBacklog} events queued per client (a
 * client that falls further behind is dropped, never the others held back), a heartbeat on idle streams, and an end
 * to every stream after {@code streamTimeout}. Each subscription is written by its own virtual thread, so a slow or
 * vanished client costs that thread only; the Kafka listener that publishes never blocks on a socket.
 */
@Component
class RunEventHub implements DisposableBean {

    /** Where a subscription's frames go; the HTTP side is {@link RunEventsController}'s SSE emitter. */
    interface Sink {
        /** Writes one complete server-sent-events frame; an IOException means the client is gone. */
        void send(String frame) throws IOException;

        /** Ends the stream (the client reconnects); called once, also after a failed send. */
        void close();
    }

    /** More streams are open on this instance than {@code dashboard.max-streams} allows. */
    static final class StreamLimitReachedException extends RuntimeException {
        StreamLimitReachedException(int limit) {
            super("this instance already serves its limit of " + limit + " live event streams "
                    + "(DASHBOARD_MAX_STREAMS); try again shortly");
        }
    }

    /** One credential has {@code dashboard.max-streams-per-client} streams open on this instance already. */
    static final class ClientStreamLimitReachedException extends RuntimeException {
        ClientStreamLimitReachedException(int limit) {
            super("this key already has its limit of " + limit + " live event streams open here "
                    + "(DASHBOARD_MAX_STREAMS_PER_CLIENT); close a tab or try again shortly");
        }
    }

    static final String HEARTBEAT = ": heartbeat\n\n";
    private static final Logger log = LoggerFactory.getLogger(RunEventHub.class);

    private final DashboardProperties properties;
    private final Clock clock;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    RunEventHub(DashboardProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a subscription for a client; its first frame says how long to wait before reconnecting.
     *
     * @param client who asked (the credential's name), for the per-client bound
     * @throws StreamLimitReachedException       when this instance serves {@code dashboard.max-streams} already
     * @throws ClientStreamLimitReachedException when the client has {@code dashboard.max-streams-per-client} open
     */
    Subscription subscribe(String client, Sink sink) {
        Subscription subscription = new Subscription(client, sink,
                clock.instant().plus(properties.streamTimeout()));
        synchronized (subscriptions) {
            if (subscriptions.size() >= properties.maxStreams()) {
                throw new StreamLimitReachedException(properties.maxStreams());
            }
            if (subscriptions.stream().filter(open -> open.client.equals(client)).count()
                    >= properties.maxStreamsPerClient()) {
                throw new ClientStreamLimitReachedException(properties.maxStreamsPerClient());
            }
            subscriptions.add(subscription);
        }
        // an EventSource-style client waits this long before reconnecting after the stream ends
        subscription.offer("retry: 2000\n\n");
        Thread.ofVirtual().name("run-events-stream").start(subscription::writeUntilEnded);
        return subscription;
    }

    /** Queues one event for every open subscription; a client whose backlog is full is dropped. */
    void publish(String id, String event, String json) {
        String frame = "id: " + id + "\nevent: " + event + "\ndata: " + json.replace("\n", "\ndata: ") + "\n\n";
        for (Subscription subscription : List.copyOf(subscriptions)) {
            if (!subscription.offer(frame)) {
                log.info("dropped a live event stream that fell {} events behind", properties.clientBacklog());
                subscription.drop();
            }
        }
    }

    int openStreams() {
        return subscriptions.size();
    }

    @Override
    public void destroy() {
        List.copyOf(subscriptions).forEach(Subscription::end);
    }

    /** One client's stream: its queue, its writer, its end. */
    final class Subscription {

        private final String client;
        private final Sink sink;
        private final Instant deadline;
        private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(properties.clientBacklog());
        private volatile boolean ended;
        private volatile Thread writer;

        private Subscription(String client, Sink sink, Instant deadline) {
            this.client = client;
            this.sink = sink;
            this.deadline = deadline;
        }

        private boolean offer(String frame) {
            return !ended && queue.offer(frame);
        }

        private void writeUntilEnded() {
            writer = Thread.currentThread();
            long heartbeatMillis = properties.heartbeat().toMillis();
            try {
                while (!ended) {
                    long left = deadline.toEpochMilli() - clock.millis();
                    if (left <= 0) {
                        break;
                    }
                    String frame = queue.poll(Math.min(heartbeatMillis, left), TimeUnit.MILLISECONDS);
                    if (frame != null) {
                        sink.send(frame);
                    } else if (clock.millis() < deadline.toEpochMilli()) {
                        sink.send(HEARTBEAT);
                    }
                }
            } catch (IOException e) {
                log.debug("a live event stream's client went away: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                end();
            }
        }

        /** Removes the subscription and closes its stream; idempotent, from any thread. */
        void end() {
            if (markEnded()) {
                closeSink();
            }
        }

        /**
         * Ends a stalled client's stream without waiting for it: closing takes the stream's write lock, which its
         * writer holds while it blocks on a socket nobody reads, so the close happens on a thread of its own and the
         * caller (the Kafka listener) goes on serving every other client.
         */
        void drop() {
            if (markEnded()) {
                Thread.ofVirtual().name("run-events-drop").start(this::closeSink);
            }
        }

        private boolean markEnded() {
            synchronized (this) {
                if (ended) {
                    return false;
                }
                ended = true;
            }
            subscriptions.remove(this);
            Thread running = writer;
            if (running != null && running != Thread.currentThread()) {
                running.interrupt();
            }
            return true;
        }

        private void closeSink() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                log.debug("closing a live event stream failed: {}", e.getMessage());
            }
        }
    }
}
