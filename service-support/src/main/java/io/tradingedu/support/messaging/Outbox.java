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

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String topic, PipelineMessage message) {
        jdbc.update("""
                INSERT INTO outbox_message (event_id, topic, message_key, message_type, payload)
                VALUES (?, ?, ?, ?, ?)""",
                message.eventId(), topic, message.mediaId().toString(), message.getClass().getSimpleName(),
                PipelineMessages.toJson(message));
    }
}
