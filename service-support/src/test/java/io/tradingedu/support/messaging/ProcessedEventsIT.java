package io.tradingedu.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Pruning the processed-event log against the local PostgreSQL, in a schema of its own. */
class ProcessedEventsIT {

    private static final String DATABASE = System.getenv().getOrDefault("OUTBOX_IT_DATABASE_URL",
            "jdbc:postgresql://localhost:5432/tradingedu");
    /** The local stack's developer role; the stack generates its password (DATABASE_PASSWORD, docs/database.md). */
    private static final String USER = System.getenv().getOrDefault("DATABASE_USER", "tradingedu");
    private static final String PASSWORD = System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu");

    private final String schema = "processed_it_" + UUID.randomUUID().toString().replace("-", "");
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void migrateSchema() throws IOException {
        new JdbcTemplate(new DriverManagerDataSource(DATABASE, USER, PASSWORD))
                .execute("CREATE SCHEMA " + schema);
        var dataSource = new DriverManagerDataSource(DATABASE + "?currentSchema=" + schema, USER, PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(resource("db/support/V0_1__messaging.sql"));
        jdbc.execute(resource("db/support/R__outbox_parking.sql"));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void dropSchema() {
        jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void prunesRecordsOlderThanTheRetentionInBatchesAndKeepsRecentOnes() {
        for (int i = 0; i < 7; i++) {
            record("orchestrator", UUID.randomUUID(), Duration.ofDays(15).plusMinutes(i));
        }
        UUID recent = UUID.randomUUID();
        record("orchestrator", recent, Duration.ofDays(13));
        UUID justNow = UUID.randomUUID();
        transactions.executeWithoutResult(status -> new ProcessedEvents(jdbc).firstDelivery("api", justNow));

        // 7 expired rows in batches of 2: four statements, the last one short
        int pruned = new ProcessedEvents(jdbc, new ProcessedEventsProperties(Duration.ofDays(14), 2)).pruneExpired();

        assertThat(pruned).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event", Integer.class)).isEqualTo(2);
        ProcessedEvents processed = new ProcessedEvents(jdbc);
        assertThat(processed.alreadyProcessed("orchestrator", recent)).isTrue();
        assertThat(processed.alreadyProcessed("api", justNow)).isTrue();
        assertThat(processed.pruneExpired()).isZero();
    }

    @Test
    void theDefaultRetentionIsFourteenDays() {
        UUID expired = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        record("api", expired, Duration.ofDays(14).plusHours(1));
        record("api", kept, Duration.ofDays(14).minusHours(1));

        assertThat(new ProcessedEvents(jdbc).pruneExpired()).isEqualTo(1);

        assertThat(new ProcessedEvents(jdbc).alreadyProcessed("api", expired)).isFalse();
        assertThat(new ProcessedEvents(jdbc).alreadyProcessed("api", kept)).isTrue();
    }

    @Test
    void refusesARetentionShorterThanADayAndAnUnboundedBatch() {
        assertThatThrownBy(() -> new ProcessedEventsProperties(Duration.ofHours(2), 100))
                .hasMessage("messaging.processed-events.retention must be at least 1d; got PT2H");
        assertThatThrownBy(() -> new ProcessedEventsProperties(Duration.ofDays(14), 0))
                .hasMessageStartingWith("messaging.processed-events.prune-batch must lie between 1 and 100000");
    }

    private void record(String consumer, UUID eventId, Duration age) {
        jdbc.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, now() - ?::interval)",
                consumer, eventId, age.toSeconds() + " seconds");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProcessedEventsIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
