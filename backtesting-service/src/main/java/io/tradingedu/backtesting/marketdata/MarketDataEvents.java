package io.tradingedu.backtesting.marketdata;

import io.tradingedu.shared.pipeline.Topics;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every instance that a dataset changed. The event goes into the service's outbox in the transaction that
 * stores the bars, so it is sent if and only if they committed (and sent later if Kafka is down meanwhile); the
 * outbox relay sends it like the pipeline's messages. One partition: the events are few and each instance reads all.
 */
@Configuration(proxyBeanMethods = false)
class MarketDataEvents {

    static final String TOPIC = "market-data.changed.v1";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final InstanceIdentity instance;
    private final Clock clock;

    MarketDataEvents(JdbcTemplate jdbc, JsonMapper json, InstanceIdentity instance, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.instance = instance;
        this.clock = clock;
    }

    @Bean
    KafkaAdmin.NewTopics marketDataTopics() {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(TOPIC).partitions(1).replicas(1).build(),
                TopicBuilder.name(Topics.deadLetterTopic(TOPIC)).partitions(1).replicas(1).build());
    }

    /** Records the change in the caller's transaction. */
    void changed(String symbol, String timeframe) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a market data change is announced in the transaction that makes it");
        }
        MarketDataChanged event = MarketDataChanged.of(symbol, timeframe, instance.id(), clock.instant());
        jdbc.update("""
                INSERT INTO outbox_message (event_id, topic, message_key, message_type, payload)
                VALUES (?, ?, ?, ?, ?)""",
                event.eventId(), TOPIC, event.key(), MarketDataChanged.TYPE, json.writeValueAsString(event));
    }

    /** The change a message announces, or null for a message of another type. */
    MarketDataChanged read(String message) {
        MarketDataChanged event = json.readValue(message, MarketDataChanged.class);
        return MarketDataChanged.TYPE.equals(event.type()) ? event : null;
    }
}
