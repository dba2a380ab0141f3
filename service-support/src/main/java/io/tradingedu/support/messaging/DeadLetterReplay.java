package io.tradingedu.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Re-drives the dead letters of a topic after the fault that sent them there is fixed: every record of
 * {@code <topic>-dlt} that was not replayed before goes back to {@code <topic>} with its key, value and headers
 * (without the {@code kafka_dlt-*} ones the recoverer added), in order per partition. The replay's consumer group
 * ({@code dlt-replay.<topic>}) remembers how far it got, so a second run replays only newer dead letters. Consumers
 * skip a message they already processed (by event id), so replaying one that later succeeded changes nothing.
 *
 * <p>Uses only the Kafka client, so it runs beside the broker's own libraries:
 * {@code java -cp "<kafka libs>/*:service-support.jar" io.tradingedu.support.messaging.DeadLetterReplay TOPIC}
 * (bootstrap servers from {@code KAFKA_BOOTSTRAP_SERVERS}, default {@code localhost:9092}).
 */
public final class DeadLetterReplay {

    private static final String DEAD_LETTER_SUFFIX = "-dlt";
    private static final String RECOVERER_HEADERS = "kafka_dlt-";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;

    public DeadLetterReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].isBlank() || args[0].endsWith(DEAD_LETTER_SUFFIX)) {
            System.err.println("usage: DeadLetterReplay TOPIC   (replays TOPIC" + DEAD_LETTER_SUFFIX + " into TOPIC; "
                    + "KAFKA_BOOTSTRAP_SERVERS, default localhost:9092)");
            System.exit(2);
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        int replayed;
        try {
            replayed = new DeadLetterReplay(bootstrap).replay(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + " on " + bootstrap + ": nothing to replay");
            System.exit(1);
            return;
        }
        System.out.println("replayed " + replayed + " dead letters from " + args[0] + DEAD_LETTER_SUFFIX + " to "
                + args[0]);
    }

    /**
     * Replays the dead letters present when it starts (later ones wait for the next run) and returns how many.
     *
     * @throws IllegalArgumentException when the dead-letter topic does not exist
     */
    public int replay(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        String deadLetters = topic + DEAD_LETTER_SUFFIX;
        try (var consumer = new KafkaConsumer<>(consumerConfig(topic), new StringDeserializer(),
                new StringDeserializer());
             var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + deadLetters);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(deadLetters, partition.partition())).toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            int replayed = 0;
            while (!reached(consumer, end)) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // arrived after the start: left for the next run
                    }
                    producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers(record)))
                            .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    replayed++;
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            return replayed;
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    private static List<Header> headers(ConsumerRecord<String, String> record) {
        List<Header> kept = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(RECOVERER_HEADERS)) {
                kept.add(header);
            }
        }
        return kept;
    }

    private Map<String, Object> consumerConfig(String topic) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-replay." + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a mistyped topic name must not create an empty dead-letter topic
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}
