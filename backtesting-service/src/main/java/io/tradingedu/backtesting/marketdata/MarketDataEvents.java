package io.tradingedu.backtesting.marketdata;

import io.tradingedu.shared.pipeline.Topics;
import io.tradingedu.support.messaging.Outbox;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every instance that a dataset changed. The event goes into the service's outbox in the transaction that
 * stores the bars, so it is sent if and only if they committed (and sent later if Kafka is down meanwhile); the
 * outbox relay sends it like the pipeline's messages. One partition: the events are few and each instance reads all.
 */
@Configuration(proxyBeanMethods = false)
class MarketDataEvents {

    static final String TOPIC = "market-data.changed.v1";

    private final Outbox outbox;
    private final JsonMapper json;
    private final InstanceIdentity instance;
    private final Clock clock;

    MarketDataEvents(Outbox outbox, JsonMapper json, InstanceIdentity instance, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.instance = instance;
        this.clock = clock;
    }

    @Bean
    KafkaAdmin.NewTopics marketDataTopics() {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(TOPIC).partitions(1).replicas(1).build(),
                TopicBuilder.name(Topics.deadLetterTopic(TOPIC)).partitions(1).replicas(1).build());
    }

    /** Records the change in the caller's transaction (the outbox refuses to write outside one). */
    void changed(String symbol, String timeframe) {
        MarketDataChanged event = MarketDataChanged.of(symbol, timeframe, instance.id(), clock.instant());
        outbox.publish(TOPIC, event.eventId(), event.key(), MarketDataChanged.TYPE, json.writeValueAsString(event));
    }

    /** The change a message announces, or null for a message of another type. */
    MarketDataChanged read(String message) {
        MarketDataChanged event = json.readValue(message, MarketDataChanged.class);
        return MarketDataChanged.TYPE.equals(event.type()) ? event : null;
    }
}
