package io.tradingedu.backtesting.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.backtesting.BacktestingApplication;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.PriceBar;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances' dataset caches against the local PostgreSQL and Kafka, each a whole application context with its
 * own instance name: the test's context is instance A; instance B is started here as another process would be, with
 * its Kafka listeners held back so the test decides when B's change listener joins its (production, per-instance)
 * consumer group. An upload through A must reach B through the outbox and the broker, and a change sent before B's
 * listener joined must not leave B a stale copy.
 */
@SpringBootTest(properties = "logging.structured.format.console=")
class MarketDataCacheIT {

    private static final String INSTANCE_B = "it-b-" + UUID.randomUUID();
    private static ConfigurableApplicationContext contextB;

    @Autowired
    MarketDataService instanceA;
    @Autowired
    BarRepository bars;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startInstanceB() {
        // as command-line arguments: SpringApplicationBuilder.properties(...) are defaults, below application.yml
        contextB = new SpringApplicationBuilder(BacktestingApplication.class).run(
                "--backtesting.instance.id=" + INSTANCE_B, "--server.port=0", "--logging.structured.format.console=",
                "--spring.kafka.listener.auto-startup=false");
    }

    @AfterAll
    static void stopInstanceB() {
        if (contextB != null) {
            contextB.close();
        }
    }

    @Test
    void aChangeSentBeforeAnInstanceListensAndOneSentAfterBothDropItsCachedDataset() {
        MarketDataService instanceB = contextB.getBean(MarketDataService.class);
        MessageListenerContainer listenerB = contextB.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("market-data-changes");
        String symbol = "MDC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // stored without an event, as if loaded before both instances started
        transactions.executeWithoutResult(status -> bars.upsert(symbol, "1d", List.of(
                bar("2021-03-01"), bar("2021-03-02"), bar("2021-03-03"))));
        IndicatorCache cachedByB = instanceB.dataset(symbol, "1d");
        IndicatorCache cachedByA = instanceA.dataset(symbol, "1d");
        assertThat(instanceB.dataset(symbol, "1d")).as("B keeps its copy").isSameAs(cachedByB);

        // changed and announced while B's listener has not joined its group yet: B never receives this event
        instanceA.importCsv(symbol, "1d", csv("2021-03-04", "2021-03-05"));
        assertThat(instanceA.dataset(symbol, "1d")).isNotSameAs(cachedByA)
                .satisfies(dataset -> assertThat(dataset.series().size()).isEqualTo(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> published(symbol) == 1);
        listenerB.start();

        assertThat(listenerB.getGroupId()).isEqualTo("backtesting-market-data." + INSTANCE_B);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> instanceB.dataset(symbol, "1d").series().size() == 5);

        // B listens now: the next change reaches it as an event
        await().atMost(Duration.ofSeconds(30)).until(() -> !listenerB.getAssignedPartitions().isEmpty());
        IndicatorCache cachedAgainByB = instanceB.dataset(symbol, "1d");
        assertThat(instanceB.dataset(symbol, "1d")).isSameAs(cachedAgainByB);
        instanceA.importCsv(symbol, "1d", csv("2021-03-08"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> instanceB.dataset(symbol, "1d").series().size() == 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> published(symbol) == 2);
    }

    private int published(String symbol) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM outbox_message WHERE topic = ? AND message_key = ? AND published_at IS NOT NULL""",
                Integer.class, MarketDataEvents.TOPIC, symbol + "|1d");
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
