package io.tradingedu.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>Order per key (the media id) holds across relays: a relay sends a key's message only when every earlier message
 * of that key still pending is in its own batch (none is held by another relay, wherever it falls in the key's
 * sequence). A transient failure (broker
 * down or busy) stops the batch and the message is tried again on the next run. A message that can never be sent
 * ({@link UnsendableMessages}: too large, invalid or unknown topic, unserialisable) is <em>parked</em> with its
 * reason ({@code parked_at}, {@code parked_reason}) and the rest flows on; the key's later messages are parked
 * behind it ("held behind parked message N") rather than let overtake it, so no reader ever sees a key's messages
 * out of order. After fixing the cause an operator releases the key by clearing {@code parked_at} of its messages,
 * which are then sent in their original order.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final Duration retention;
    private final UnsendableMessages unsendable;
    private final OutboxTracing tracing;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                       Duration retention) {
        this(jdbc, kafka, transactions, retention, OutboxTracing.NONE);
    }

    OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                Duration retention, OutboxTracing tracing) {
        this(jdbc, kafka, transactions, retention,
                new KafkaTopicProbe(kafka.getProducerFactory().getConfigurationProperties()), tracing);
    }

    OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                Duration retention, UnsendableMessages.TopicProbe topics) {
        this(jdbc, kafka, transactions, retention, topics, OutboxTracing.NONE);
    }

    private OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                        Duration retention, UnsendableMessages.TopicProbe topics, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.retention = retention;
        this.unsendable = new UnsendableMessages(topics);
        this.tracing = tracing;
    }

    @Scheduled(fixedDelayString = "${outbox.relay.interval:200ms}")
    public void relayPending() {
        Boolean more;
        do {
            more = transactions.execute(status -> relayBatch());
        } while (Boolean.TRUE.equals(more));
    }

    @Scheduled(fixedDelayString = "${outbox.cleanup.interval:1h}")
    public void deletePublishedPastRetention() {
        int deleted = jdbc.update("DELETE FROM outbox_message WHERE published_at < now() - make_interval(secs => ?)",
                (double) retention.toSeconds());
        if (deleted > 0) {
            log.info("deleted {} published outbox messages older than {}", deleted, retention);
        }
    }

    /** Sends one batch; true when it was full and went through without a failure, so more may be waiting. */
    private boolean relayBatch() {
        List<PendingMessage> batch = jdbc.query("""
                SELECT id, topic, message_key, payload, traceparent FROM outbox_message
                WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new PendingMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)),
                BATCH_SIZE);
        if (batch.isEmpty()) {
            return false;
        }
        String[] keys = batch.stream().map(PendingMessage::key).distinct().toArray(String[]::new);
        Set<Long> claimed = new HashSet<>();
        batch.forEach(m -> claimed.add(m.id()));
        Map<String, List<Long>> pending = pendingIds(keys, batch.getLast().id());
        Map<String, Long> firstParked = firstIds("parked_at IS NOT NULL", keys);
        Set<String> held = new HashSet<>();
        boolean complete = true;
        for (PendingMessage message : batch) {
            String key = message.key();
            if (!held.contains(key) && pending.getOrDefault(key, List.of()).stream()
                    .anyMatch(id -> id < message.id() && !claimed.contains(id))) {
                // an earlier message of this key is claimed by another relay (or was not claimable): it, and so the
                // rest of this key, goes first there
                held.add(key);
            }
            if (held.contains(key)) {
                complete = false;
                continue;
            }
            Long parked = firstParked.get(key);
            if (parked != null && parked < message.id()) {
                park(message, "held behind parked message " + parked + " of the same key");
                continue;
            }
            switch (send(message)) {
                case SENT -> { }
                case PARKED -> firstParked.put(key, message.id());
                case LATER -> {
                    return false; // stop here so nothing of this key is sent ahead of it; tried again next run
                }
            }
        }
        return complete && batch.size() == BATCH_SIZE;
    }

    /** Sends a message and marks it published, or parks it when it can never be sent. */
    private Outcome send(PendingMessage message) {
        try {
            sendInItsTrace(message).get(10, TimeUnit.SECONDS);
            jdbc.update("UPDATE outbox_message SET published_at = now() WHERE id = ?", message.id());
            return Outcome.SENT;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return Outcome.LATER;
            }
            Optional<String> permanent = unsendable.permanentReason(message.topic(), e);
            if (permanent.isPresent()) {
                park(message, permanent.get());
                return Outcome.PARKED;
            }
            log.warn("outbox message {} to {} not sent yet: {}", message.id(), message.topic(), e.toString());
            return Outcome.LATER;
        }
    }

    /** Sent as part of the trace that wrote the message, so its consumers join that trace too. */
    private CompletableFuture<?> sendInItsTrace(PendingMessage message) {
        return tracing.continueTrace(message.traceparent(), message.topic(),
                () -> kafka.send(message.topic(), message.key(), message.payload()));
    }

    private void park(PendingMessage message, String reason) {
        jdbc.update("UPDATE outbox_message SET parked_at = now(), parked_reason = ? WHERE id = ?", reason,
                message.id());
        log.error("outbox message {} to {} (key {}) parked, it will not be sent until released: {}", message.id(),
                message.topic(), message.key(), reason);
    }

    /** The ids of the keys' messages still waiting (published or parked ones not), up to {@code maxId}. */
    private Map<String, List<Long>> pendingIds(String[] keys, long maxId) {
        Map<String, List<Long>> ids = new HashMap<>();
        jdbc.query("""
                SELECT message_key, id FROM outbox_message
                WHERE published_at IS NULL AND parked_at IS NULL AND message_key = ANY (?) AND id <= ?""",
                rs -> {
                    ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }, keys, maxId);
        return ids;
    }

    private Map<String, Long> firstIds(String condition, String[] keys) {
        Map<String, Long> first = new HashMap<>();
        jdbc.query("SELECT message_key, min(id) FROM outbox_message WHERE " + condition
                        + " AND message_key = ANY (?) GROUP BY message_key",
                rs -> {
                    first.put(rs.getString(1), rs.getLong(2));
                }, (Object) keys);
        return first;
    }

    private enum Outcome { SENT, PARKED, LATER }

    private record PendingMessage(long id, String topic, String key, String payload, String traceparent) {
    }
}
