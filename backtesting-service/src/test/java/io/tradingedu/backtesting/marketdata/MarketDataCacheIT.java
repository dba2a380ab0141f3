package io.tradingedu.backtesting.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.PriceBar;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances' dataset caches against the local PostgreSQL and Kafka: the application context is instance A;
 * instance B is a second {@link MarketDataService} with its own {@link MarketDataChangeListener} in its own consumer
 * group, as another process would have. An upload through A must reach B through the outbox and the broker.
 */
@SpringBootTest(properties = "logging.structured.format.console=")
class MarketDataCacheIT {

    @Autowired
    MarketDataService instanceA;
    @Autowired
    BarRepository bars;
    @Autowired
    MarketDataLimits limits;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MarketDataEvents events;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    JdbcTemplate jdbc;

    KafkaMessageListenerContainer<String, String> containerB;

    @AfterEach
    void stopInstanceB() {
        if (containerB != null) {
            containerB.stop();
        }
    }

    @Test
    void anUploadThroughOneInstanceDropsTheOtherInstancesCachedDataset() {
        MarketDataService instanceB = new MarketDataService(bars, limits, transactions, events);
        startListening(new MarketDataChangeListener(instanceB, events,
                new InstanceIdentity("it-b-" + UUID.randomUUID())));
        String symbol = "MDC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // stored without an event, as if loaded before both instances started
        transactions.executeWithoutResult(status -> bars.upsert(symbol, "1d", List.of(
                bar("2021-03-01"), bar("2021-03-02"), bar("2021-03-03"))));
        IndicatorCache cachedByB = instanceB.dataset(symbol, "1d");
        IndicatorCache cachedByA = instanceA.dataset(symbol, "1d");
        assertThat(instanceB.dataset(symbol, "1d")).as("B keeps its copy").isSameAs(cachedByB);

        instanceA.importCsv(symbol, "1d", csv("2021-03-04", "2021-03-05"));

        assertThat(instanceA.dataset(symbol, "1d")).isNotSameAs(cachedByA)
                .satisfies(dataset -> assertThat(dataset.series().size()).isEqualTo(5));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> instanceB.dataset(symbol, "1d").series().size() == 5);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM outbox_message WHERE topic = ? AND message_key = ? AND published_at IS NOT NULL""",
                Integer.class, MarketDataEvents.TOPIC, symbol + "|1d")).isEqualTo(1);
    }

    private void startListening(MarketDataChangeListener listenerB) {
        ContainerProperties properties = new ContainerProperties(MarketDataEvents.TOPIC);
        properties.setGroupId(listenerB.groupId());
        properties.setMessageListener((MessageListener<String, String>) record -> listenerB.onChange(record.value()));
        Properties latest = new Properties();
        latest.setProperty("auto.offset.reset", "latest");
        properties.setKafkaConsumerProperties(latest);
        containerB = new KafkaMessageListenerContainer<>(consumers, properties);
        containerB.start();
        MessageListenerContainer containerA = listeners.getListenerContainer("market-data-changes");
        await().atMost(Duration.ofSeconds(30)).until(() -> !containerB.getAssignedPartitions().isEmpty()
                && containerA != null && !containerA.getAssignedPartitions().isEmpty());
    }

    private static PriceBar bar(String day) {
        return new PriceBar(Instant.parse(day + "T00:00:00Z"), 10, 11, 9, 10.5, 100);
    }

    private static ByteArrayInputStream csv(String... days) {
        StringBuilder text = new StringBuilder("date,open,high,low,close,volume\n");
        for (String day : days) {
            text.append(day).append(",10,11,9,10.5,100\n");
        }
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
