package io.tradingedu.support.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tradingedu.support.metrics.DatabaseGauges;
import io.tradingedu.support.metrics.MetricNames;

/**
 * The service's outbox as gauges: the backlog (neither published nor parked), the age of its oldest row and the
 * parked rows. One query (on the partial indexes of pending and parked rows) serves all three.
 */
final class OutboxMetrics implements MeterBinder {

    private final DatabaseGauges gauges;

    OutboxMetrics(DatabaseGauges gauges) {
        this.gauges = gauges;
    }

    /** The gauges hold the snapshot strongly: nothing else does, and a collected one would read NaN. */
    @Override
    public void bindTo(MeterRegistry registry) {
        var outbox = gauges.snapshot("outbox backlog", jdbc -> jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM outbox_message WHERE published_at IS NULL AND parked_at IS NULL),
                       (SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox_message
                         WHERE published_at IS NULL AND parked_at IS NULL),
                       (SELECT count(*) FROM outbox_message WHERE parked_at IS NOT NULL AND published_at IS NULL)""",
                (rs, i) -> new Backlog(rs.getLong(1), rs.getDouble(2), rs.getLong(3))));
        Gauge.builder(MetricNames.OUTBOX_BACKLOG, outbox, s -> s.value(Backlog::pending))
                .description("outbox messages waiting to be sent (neither published nor parked)")
                .strongReference(true)
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_OLDEST_AGE, outbox, s -> s.value(Backlog::oldestSeconds))
                .description("age of the oldest outbox message waiting to be sent; 0 when none waits")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_PARKED, outbox, s -> s.value(Backlog::parked))
                .description("outbox messages parked because the broker can never take them (or held behind one)")
                .strongReference(true)
                .register(registry);
    }

    private record Backlog(long pending, double oldestSeconds, long parked) {
    }
}
