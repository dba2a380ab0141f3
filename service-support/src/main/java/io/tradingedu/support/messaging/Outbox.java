package io.tradingedu.support.messaging;

import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a message to publish in the caller's transaction, so the message exists if and only if the state change
 * that caused it committed. {@link OutboxRelay} sends it to Kafka afterwards, keyed by media id.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final OutboxTracing tracing;

    public Outbox(JdbcTemplate jdbc) {
        this(jdbc, OutboxTracing.NONE);
    }

    /** With tracing: each row keeps the writer's {@code traceparent}, and the relay sends it in that trace. */
    Outbox(JdbcTemplate jdbc, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.tracing = tracing;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String topic, PipelineMessage message) {
        publish(topic, message.eventId(), message.mediaId().toString(), message.getClass().getSimpleName(),
                PipelineMessages.toJson(message));
    }

    /**
     * Any other message: its JSON as it is, under a key of its own (messages with one key are sent in order).
     *
     * @param type the message's type, stored beside it (the relay sends it as a header)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String topic, UUID eventId, String key, String type, String json) {
        jdbc.update("""
                INSERT INTO outbox_message (event_id, topic, message_key, message_type, payload, traceparent)
                VALUES (?, ?, ?, ?, ?, ?)""",
                eventId, topic, key, type, json, tracing.currentTraceparent());
    }
}
