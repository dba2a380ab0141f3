package io.tradingedu.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The shared error handler on a real listener container against the local Kafka: a message whose handler meets a
 * database outage waits it out, however many tries it takes; a message that fails for another reason, and one that
 * cannot be read, go to the dead-letter topic.
 */
class ListenerErrorHandlingIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    /** More tries than the old handler allowed (1 + 4) and than the quick retries configured here (1 + 2). */
    private static final int OUTAGE_TRIES = 8;

    private final String topic = "outage-it-" + UUID.randomUUID();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private KafkaMessageListenerContainer<String, String> container;

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.stop();
        }
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.deleteTopics(List.of(topic, Topics.deadLetterTopic(topic))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDatabaseOutageIsWaitedOutWhileBadMessagesGoToTheDeadLetterTopic() throws Exception {
        createTopics();
        KafkaTemplate<String, String> kafka = template();
        startListener(ListenerErrorHandling.errorHandler(kafka,
                new RetryProperties(Duration.ofMillis(10), Duration.ofMillis(50), 2)));

        // one partition: the three are handled in this order, each only after the one before is settled
        for (String message : List.of("outage", "bug", "unreadable")) {
            kafka.send(topic, "media-1", message).get(30, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> deadLetters = readDeadLetters(2);
        // had the outage message been dead-lettered, it would come first
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly("bug", "unreadable");
        assertThat(handled).containsExactly("outage");
        assertThat(deliveries.get("outage")).hasValue(OUTAGE_TRIES);
        assertThat(deliveries.get("bug")).hasValue(1 + 2);
        assertThat(deliveries.get("unreadable")).hasValue(1);
        assertThat(causeClass(deadLetters.get(0))).isEqualTo(IllegalStateException.class.getName());
        assertThat(causeClass(deadLetters.get(1)))
                .isEqualTo(PipelineMessages.UnreadableMessageException.class.getName());
    }

    private void onMessage(ConsumerRecord<String, String> record) {
        int delivery = deliveries.computeIfAbsent(record.value(), value -> new AtomicInteger()).incrementAndGet();
        switch (record.value()) {
            case "outage" -> {
                if (delivery < OUTAGE_TRIES) {
                    throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, "
                                    + "request timed out after 3000ms", "08001",
                                    new SQLException("Connection to localhost:5432 refused", "08001",
                                            new ConnectException("Connection refused"))));
                }
                handled.add(record.value());
            }
            case "bug" -> throw new IllegalStateException("the handler cannot deal with this message");
            default -> {
                PipelineMessages.fromJson(record.value());
                handled.add(record.value());
            }
        }
    }

    private void createTopics() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
                    new NewTopic(Topics.deadLetterTopic(topic), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private KafkaTemplate<String, String> template() {
        var producers = new DefaultKafkaProducerFactory<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        resources.add(producers::destroy);
        return new KafkaTemplate<>(producers);
    }

    private void startListener(org.springframework.kafka.listener.CommonErrorHandler errorHandler) {
        var consumers = new DefaultKafkaConsumerFactory<String, String>(consumerConfig(),
                new StringDeserializer(), new StringDeserializer());
        var properties = new ContainerProperties(topic);
        properties.setGroupId("outage-it-" + UUID.randomUUID());
        properties.setMessageListener((MessageListener<String, String>) this::onMessage);
        container = new KafkaMessageListenerContainer<>(consumers, properties);
        container.setCommonErrorHandler(errorHandler);
        container.start();
    }

    private List<ConsumerRecord<String, String>> readDeadLetters(int expected) {
        var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
        resources.add(consumer);
        consumer.subscribe(Set.of(Topics.deadLetterTopic(topic)));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        // a bound so that a broken handler fails the test instead of hanging it
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= expected;
        });
        return records;
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "outage-it-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static String causeClass(ConsumerRecord<String, String> deadLetter) {
        Header header = deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
