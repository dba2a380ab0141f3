package io.tradingedu.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Re-driving dead letters against the local Kafka, as {@code stack.sh dlt-replay TOPIC} does. */
class DeadLetterReplayIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");

    private final String topic = "replay-it-" + UUID.randomUUID();
    private final String deadLetters = topic + "-dlt";
    private final DeadLetterReplay replay = new DeadLetterReplay(BOOTSTRAP);

    @AfterEach
    void deleteTopics() throws Exception {
        try (AdminClient admin = admin()) {
            List<String> created = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.equals(topic) || name.equals(deadLetters)).toList();
            admin.deleteTopics(created).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void sendsEachDeadLetterBackToItsTopicOnceInOrderWithoutTheRecoverersHeaders() throws Exception {
        try (AdminClient admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(deadLetters, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        deadLetter("media-1", "{\"first\":true}");
        deadLetter("media-2", "{\"second\":true}");

        assertThat(replay.replay(topic)).isEqualTo(2);

        List<ConsumerRecord<String, String>> redriven = read(topic, 2);
        assertThat(redriven).extracting(ConsumerRecord::key).containsExactly("media-1", "media-2");
        assertThat(redriven).extracting(ConsumerRecord::value).containsExactly("{\"first\":true}", "{\"second\":true}");
        assertThat(redriven.getFirst().headers()).extracting(Header::key).containsExactly("traceparent");

        // a second run replays only what died since
        assertThat(replay.replay(topic)).isZero();
        deadLetter("media-3", "{\"third\":true}");
        assertThat(replay.replay(topic)).isEqualTo(1);
        assertThat(read(topic, 3)).extracting(ConsumerRecord::key).containsExactly("media-1", "media-2", "media-3");
    }

    @Test
    void saysSoWhenTheTopicHasNoDeadLetterTopic() {
        assertThatThrownBy(() -> new DeadLetterReplay(BOOTSTRAP).replay("no-such-topic-" + UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no topic no-such-topic-");
    }

    private void deadLetter(String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BOOTSTRAP), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(deadLetters, null, key, value, List.of(
                    new RecordHeader("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
                            .getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("kafka_dlt-exception-fqcn", "java.lang.IllegalStateException"
                            .getBytes(StandardCharsets.UTF_8))))).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> read(String topic, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "replay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            // a bound so that a broken replay fails the test instead of hanging it
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            return records;
        }
    }

    private static AdminClient admin() {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP));
    }
}
