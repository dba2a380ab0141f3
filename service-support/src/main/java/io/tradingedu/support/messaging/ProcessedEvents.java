package io.tradingedu.support.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log that makes consumers idempotent. A handler calls {@link #firstDelivery} in the same transaction as its
 * state change: if the event was processed before, the handler does nothing; if the handler's transaction rolls back,
 * so does the record, and the redelivered event is processed again.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code consumer} handles {@code eventId}; false when it already did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }

    /** Whether {@code consumer} already handled {@code eventId}; lets a worker skip long work for a duplicate. */
    public boolean alreadyProcessed(String consumer, UUID eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?)", Boolean.class,
                consumer, eventId));
    }
}
