package io.tradingedu.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay against the local PostgreSQL (a schema of its own, migrated with the shared messaging scripts) and
 * Kafka: a message the broker can never take is parked with its reason and the rest flows on; a key's later messages
 * wait behind a parked or still-pending one, also when another relay holds it; an outage only delays.
 */
class OutboxRelayIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    private static final String DATABASE = System.getenv().getOrDefault("OUTBOX_IT_DATABASE_URL",
            "jdbc:postgresql://localhost:5432/tradingedu");
    /** The local stack's developer role; the stack generates its password (DATABASE_PASSWORD, docs/database.md). */
    private static final String USER = System.getenv().getOrDefault("DATABASE_USER", "tradingedu");
    private static final String PASSWORD = System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu");
    /** The producer here refuses records above this size, as a broker's message.max.bytes would. */
    private static final int MAX_RECORD_BYTES = 20_000;

    private final String schema = "outbox_it_" + UUID.randomUUID().toString().replace("-", "");
    private final String topic = "outbox-it-" + UUID.randomUUID();
    private final List<DefaultKafkaProducerFactory<String, String>> producers = new ArrayList<>();
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void migrateSchemaAndCreateTopic() throws Exception {
        new JdbcTemplate(new DriverManagerDataSource(DATABASE, USER, PASSWORD))
                .execute("CREATE SCHEMA " + schema);
        dataSource = new DriverManagerDataSource(DATABASE + "?currentSchema=" + schema, USER, PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(resource("db/support/V0_1__messaging.sql"));
        jdbc.execute(resource("db/support/R__outbox_parking.sql"));
        jdbc.execute(resource("db/support/R__outbox_tracing.sql"));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        try (AdminClient admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void dropSchemaAndTopic() throws Exception {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
        jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
        try (AdminClient admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void parksATooLargeMessageAndItsKeysLaterMessagesWhileOtherKeysFlowOn() {
        long tooLarge = insert(topic, "media-a", "x".repeat(MAX_RECORD_BYTES + 1));
        long behind = insert(topic, "media-a", "a2");
        long other = insert(topic, "media-b", "b1");

        relay(BOOTSTRAP).relayPending();

        assertThat(parkedReason(tooLarge)).startsWith("record too large for the producer or broker: "
                + "RecordTooLargeException");
        assertThat(parkedReason(behind)).isEqualTo("held behind parked message " + tooLarge + " of the same key");
        assertThat(published(other)).isTrue();
        assertThat(published(tooLarge)).isFalse();
        assertThat(published(behind)).isFalse();

        // a message of the key written later waits behind the parked one too, and the relay is not stuck
        long later = insert(topic, "media-a", "a3");
        long next = insert(topic, "media-b", "b2");
        relay(BOOTSTRAP).relayPending();
        assertThat(parkedReason(later)).isEqualTo("held behind parked message " + tooLarge + " of the same key");
        assertThat(published(next)).isTrue();
        assertThat(readAll()).extracting(r -> r.key() + ":" + r.value()).containsExactly("media-b:b1", "media-b:b2");
    }

    @Test
    void parksAMessageToAnInvalidTopicAndSendsTheNextOne() {
        long invalid = insert("not a valid topic!", "media-a", "a1");
        long valid = insert(topic, "media-b", "b1");

        relay(BOOTSTRAP).relayPending();

        assertThat(parkedReason(invalid)).startsWith("invalid topic: InvalidTopicException");
        assertThat(published(valid)).isTrue();
        assertThat(readAll()).extracting(ConsumerRecord::value).containsExactly("b1");
    }

    @Test
    void keepsAKeysOrderWhenAnotherRelayHoldsItsEarlierMessage() throws Exception {
        long first = insert(topic, "media-a", "a1");
        long second = insert(topic, "media-a", "a2");
        long other = insert(topic, "media-b", "b1");

        try (Connection otherRelay = dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            // what a second relay does while it sends the key's first message
            otherRelay.createStatement().executeQuery("SELECT id FROM outbox_message WHERE id = " + first
                    + " FOR UPDATE").close();

            relay(BOOTSTRAP).relayPending();

            assertThat(published(other)).isTrue();
            assertThat(published(second)).isFalse();
            assertThat(parkedReason(second)).isNull();
            otherRelay.rollback();
        }

        relay(BOOTSTRAP).relayPending();
        assertThat(published(first)).isTrue();
        assertThat(published(second)).isTrue();
        assertThat(readAll()).extracting(ConsumerRecord::value).containsExactly("b1", "a1", "a2");
    }

    /** Another relay's scan claimed only the key's middle message: the last one must wait for it, not overtake it. */
    @Test
    void keepsOrderWhenAMiddleMessageOfTheKeyIsHeldElsewhere() throws Exception {
        long first = insert(topic, "media-a", "a1");
        long middle = insert(topic, "media-a", "a2");
        long last = insert(topic, "media-a", "a3");

        try (Connection otherRelay = dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            otherRelay.createStatement().executeQuery("SELECT id FROM outbox_message WHERE id = " + middle
                    + " FOR UPDATE").close();
            relay(BOOTSTRAP).relayPending();
            assertThat(published(first)).isTrue();
            assertThat(published(last)).isFalse();
            otherRelay.rollback();
        }
        relay(BOOTSTRAP).relayPending();

        assertThat(published(middle)).isTrue();
        assertThat(readAll()).extracting(ConsumerRecord::value).containsExactly("a1", "a2", "a3");
    }

    @Test
    void keepsMessagesPendingWhileTheBrokerIsUnreachable() {
        long waiting = insert(topic, "media-a", "a1");

        relay("localhost:1").relayPending(); // nothing listens there: the same timeout as a broker outage

        assertThat(published(waiting)).isFalse();
        assertThat(parkedReason(waiting)).isNull();
        assertThat(parkedAt(waiting)).isFalse();

        relay(BOOTSTRAP).relayPending();
        assertThat(published(waiting)).isTrue();
    }

    @Test
    void parksAMessageToATopicAnAnsweringBrokerDoesNotHave() {
        // the metadata timeout of a topic the broker neither has nor creates, which only the probe tells from an outage
        long unknown = insert(topic, "media-a", "a1");
        long behind = insert(topic, "media-a", "a2");

        relay("localhost:1", missing -> true).relayPending();

        assertThat(parkedReason(unknown)).isEqualTo("unknown topic: the broker answers but has no topic " + topic
                + " and does not create it");
        assertThat(parkedReason(behind)).isEqualTo("held behind parked message " + unknown + " of the same key");
    }

    @Test
    void theProbeTellsAMissingTopicFromAnExistingOneAndFromAnUnreachableBroker() {
        var probe = new KafkaTopicProbe(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"));
        assertThat(probe.reachableWithout("outbox-it-missing-" + UUID.randomUUID())).isTrue();
        assertThat(probe.reachableWithout(topic)).isFalse();
        assertThat(new KafkaTopicProbe(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"))
                .reachableWithout(topic)).isFalse();
    }

    private OutboxRelay relay(String bootstrap) {
        return new OutboxRelay(jdbc, template(bootstrap), transactions, Duration.ofDays(7));
    }

    private OutboxRelay relay(String bootstrap, UnsendableMessages.TopicProbe probe) {
        return new OutboxRelay(jdbc, template(bootstrap), transactions, Duration.ofDays(7), probe);
    }

    private KafkaTemplate<String, String> template(String bootstrap) {
        var factory = new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        producers.add(factory);
        return new KafkaTemplate<>(factory);
    }

    private long insert(String toTopic, String key, String payload) {
        return jdbc.queryForObject("""
                INSERT INTO outbox_message (event_id, topic, message_key, message_type, payload)
                VALUES (?, ?, ?, 'Test', ?) RETURNING id""", Long.class, UUID.randomUUID(), toTopic, key, payload);
    }

    private boolean published(long id) {
        return jdbc.queryForObject("SELECT published_at IS NOT NULL FROM outbox_message WHERE id = ?", Boolean.class,
                id);
    }

    private boolean parkedAt(long id) {
        return jdbc.queryForObject("SELECT parked_at IS NOT NULL FROM outbox_message WHERE id = ?", Boolean.class, id);
    }

    private String parkedReason(long id) {
        return jdbc.queryForObject("SELECT parked_reason FROM outbox_message WHERE id = ?", String.class, id);
    }

    /** Every record of the topic, read up to its end offset (everything the relay sent was acknowledged). */
    private List<ConsumerRecord<String, String>> readAll() {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OutboxRelayIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
