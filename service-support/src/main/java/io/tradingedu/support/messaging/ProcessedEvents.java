package io.tradingedu.support.messaging;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log that makes consumers idempotent. A handler calls {@link #firstDelivery} in the same transaction as its
 * state change: if the event was processed before, the handler does nothing; if the handler's transaction rolls back,
 * so does the record, and the redelivered event is processed again. Records older than the retention are pruned
 * ({@link #pruneExpired}), since no broker still holds a message to redeliver by then.
 */
public class ProcessedEvents {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final JdbcTemplate jdbc;
    private final ProcessedEventsProperties properties;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this(jdbc, ProcessedEventsProperties.DEFAULTS);
    }

    public ProcessedEvents(JdbcTemplate jdbc, ProcessedEventsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
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

    /**
     * Deletes the records older than the retention, a batch per statement (each its own short transaction), so a
     * large backlog neither locks the table for long nor builds one huge transaction. Several instances may prune at
     * once: each skips the rows another is deleting.
     *
     * @return how many records were deleted
     */
    @Scheduled(fixedDelayString = "${messaging.processed-events.prune-interval:1h}", initialDelayString = "1m")
    public int pruneExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    DELETE FROM processed_event WHERE ctid IN (
                        SELECT ctid FROM processed_event WHERE processed_at < now() - make_interval(secs => ?)
                        LIMIT ? FOR UPDATE SKIP LOCKED)""",
                    (double) properties.retention().toSeconds(), properties.pruneBatch());
            total += deleted;
        } while (deleted == properties.pruneBatch());
        if (total > 0) {
            log.info("pruned {} processed-event records older than {}", total, properties.retention());
        }
        return total;
    }
}
