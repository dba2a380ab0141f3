package io.tradingedu.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox messages in insertion order. Rows are claimed with {@code SKIP LOCKED}, so several
 * instances of a service can relay side by side. Delivery is at least once: a crash between send and mark sends the
 * message again, and consumers skip it by its event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final Duration retention;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                       Duration retention) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${outbox.relay.interval:200ms}")
    public void relayPending() {
        Integer sent;
        do {
            sent = transactions.execute(status -> relayBatch());
        } while (sent != null && sent == BATCH_SIZE);
    }

    @Scheduled(fixedDelayString = "${outbox.cleanup.interval:1h}")
    public void deletePublishedPastRetention() {
        int deleted = jdbc.update("DELETE FROM outbox_message WHERE published_at < now() - make_interval(secs => ?)",
                (double) retention.toSeconds());
        if (deleted > 0) {
            log.info("deleted {} published outbox messages older than {}", deleted, retention);
        }
    }

    private int relayBatch() {
        List<PendingMessage> batch = jdbc.query("""
                SELECT id, topic, message_key, payload FROM outbox_message
                WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new PendingMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                BATCH_SIZE);
        List<Object[]> published = new ArrayList<>();
        for (PendingMessage message : batch) {
            try {
                kafka.send(message.topic(), message.key(), message.payload()).get(10, TimeUnit.SECONDS);
                published.add(new Object[] {message.id()});
            } catch (Exception e) {
                // Stop at the first failure so later messages for the same key are not sent ahead of this one.
                log.warn("outbox message {} to {} not sent yet: {}", message.id(), message.topic(), e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                break;
            }
        }
        if (!published.isEmpty()) {
            jdbc.batchUpdate("UPDATE outbox_message SET published_at = now() WHERE id = ?", published);
        }
        return published.size() == batch.size() ? batch.size() : 0;
    }

    private record PendingMessage(long id, String topic, String key, String payload) {
    }
}
