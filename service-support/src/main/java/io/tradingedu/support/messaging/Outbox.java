package io.tradingedu.support.messaging;

import io.tradingedu.shared.pipeline.PipelineMessage;
import io.tradingedu.shared.pipeline.PipelineMessages;
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
        jdbc.update("""
                INSERT INTO outbox_message (event_id, topic, message_key, message_type, payload, traceparent)
                VALUES (?, ?, ?, ?, ?, ?)""",
                message.eventId(), topic, message.mediaId().toString(), message.getClass().getSimpleName(),
                PipelineMessages.toJson(message), tracing.currentTraceparent());
    }
}
