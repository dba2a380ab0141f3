package io.tradingedu.support.messaging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across the outbox. The relay sends from a scheduled task, where the request that wrote the message
 * is long gone; so {@link Outbox#publish} stores the writer's W3C {@code traceparent} with the row, and the relay
 * sends the row inside an observation that continues that trace. The Kafka template's own observation (a child of
 * it) then puts a {@code traceparent} of the same trace into the record's headers.
 */
final class OutboxTracing {

    static final String TRACEPARENT = "traceparent";
    /** For services without tracing (and tests): stores nothing, sends as is. */
    static final OutboxTracing NONE = new OutboxTracing(null, null, ObservationRegistry.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    OutboxTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** The current span's {@code traceparent}, or null outside a span. */
    String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers.get(TRACEPARENT);
    }

    /** Runs {@code send} as part of the trace {@code traceparent} names; as is when it is null. */
    <T> T continueTrace(String traceparent, String topic, Supplier<T> send) {
        if (traceparent == null) {
            return send.get();
        }
        ReceiverContext<String> context = new ReceiverContext<>(
                (carrier, key) -> TRACEPARENT.equals(key) ? carrier : null);
        context.setCarrier(traceparent);
        context.setRemoteServiceName("outbox");
        return Observation.createNotStarted("tradingedu.outbox.relay", () -> context, observations)
                .contextualName("outbox relay " + topic)
                .lowCardinalityKeyValue("topic", topic)
                .observe(send);
    }
}
