package io.tradingedu.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests look at besides the HTTP API: the private database (runs, stage executions, results) and the
 * private broker (dead-letter topics, the run events). Read-only except {@link #publish}.
 */
final class PipelineProbe {

    static final String RUN_EVENTS = "pipeline.runs.events.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SystemSuite suite;

    PipelineProbe(SystemSuite suite) {
        this.suite = suite;
    }

    /** One stage execution of a run, as the orchestrator stored it. */
    record StageRow(String stage, String status, int attempt) {
    }

    /** The runs the orchestrator holds for a media item (one per ingest). */
    List<UUID> runsOf(UUID mediaId) {
        return query("SELECT id FROM pipeline.pipeline_run WHERE media_id = ? ORDER BY created_at",
                rs -> rs.getObject(1, UUID.class), mediaId);
    }

    List<StageRow> stagesOf(UUID runId) {
        return query("SELECT stage, status, attempt FROM pipeline.stage_execution WHERE run_id = ? ORDER BY position",
                rs -> new StageRow(rs.getString(1), rs.getString(2), rs.getInt(3)), runId);
    }

    String mediaPathOf(UUID runId) {
        return query("SELECT media_path FROM pipeline.pipeline_run WHERE id = ?", rs -> rs.getString(1), runId)
                .getFirst();
    }

    /** Keyword hits of the item that appear more than once (same keyword, time and source): a duplicated result. */
    long duplicateKeywordHits(UUID mediaId) {
        return query("SELECT count(*) - count(DISTINCT (keyword, start_seconds, source)) FROM analysis.keyword_hit "
                + "WHERE media_id = ?", rs -> rs.getLong(1), mediaId).getFirst();
    }

    long count(String table, UUID mediaId) {
        return query("SELECT count(*) FROM " + table + " WHERE media_id = ?", rs -> rs.getLong(1), mediaId).getFirst();
    }

    /**
     * The attempt directories of each kind of stage output ({@code <media dir>/analysis/<kind>/<attempt>/}): a re-run
     * stage must leave exactly one per kind.
     */
    Map<String, Integer> analysisAttemptDirectories(UUID runId) {
        Path video = Path.of(mediaPathOf(runId));
        if (!video.isAbsolute()) {
            video = suite.paths().work().resolve("media").resolve(video);
        }
        Path analysis = video.getParent().resolve("analysis");
        Map<String, Integer> attempts = new TreeMap<>();
        if (!Files.isDirectory(analysis)) {
            return attempts;
        }
        try (var kinds = Files.list(analysis)) {
            for (Path kind : kinds.filter(Files::isDirectory).toList()) {
                try (var dirs = Files.list(kind)) {
                    attempts.put(kind.getFileName().toString(), (int) dirs.filter(Files::isDirectory).count());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attempts;
    }

    /** Records on every {@code *-dlt} topic of the private broker, per topic. */
    Map<String, Long> deadLetters() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            Set<String> topics = new HashSet<>(admin.listTopics().names().get());
            topics.removeIf(topic -> !topic.endsWith("-dlt"));
            Map<String, Long> counts = new TreeMap<>();
            if (topics.isEmpty()) {
                return counts;
            }
            var descriptions = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            descriptions.forEach((topic, description) -> description.partitions().forEach(p -> {
                request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            }));
            var ends = admin.listOffsets(request).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            ends.forEach((partition, end) -> counts.merge(partition.topic(),
                    end.offset() - starts.get(partition).offset(), Long::sum));
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not list the dead-letter topics", e);
        }
    }

    /** Publishes raw bytes, as a broken or hostile producer would. */
    void publish(String topic, String key, byte[] value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (var producer = new KafkaProducer<String, byte[]>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every record of a topic now, from its beginning (an absent topic has none). */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** Distinct announcements (by event id) that the run reached {@code status}, on the run events topic. */
    long runAnnouncements(UUID runId, String status) {
        Set<String> eventIds = new HashSet<>();
        for (var record : readAll(RUN_EVENTS)) {
            JsonNode event = JSON.readTree(record.value());
            if ("RunStatusChanged".equals(field(event, "type"))
                    && runId.toString().equals(field(event, "runId"))
                    && status.equals(field(event, "status"))) {
                eventIds.add(field(event, "eventId"));
            }
        }
        return eventIds.size();
    }

    /** A field by its camelCase name or its snake_case twin. */
    private static String field(JsonNode event, String name) {
        JsonNode value = event.get(name);
        if (value == null) {
            value = event.path(name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
        }
        return value.asString("");
    }

    private String bootstrap() {
        return suite.kafka().bootstrapServers();
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection connection = suite.postgres().connect();
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
