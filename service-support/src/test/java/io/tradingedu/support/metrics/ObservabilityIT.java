package io.tradingedu.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.tradingedu.shared.pipeline.MediaDeleted;
import io.tradingedu.support.messaging.Outbox;
import io.tradingedu.support.messaging.OutboxRelay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * A small service built from service-support alone, against the local PostgreSQL (a schema of its own) and Kafka:
 * what {@code /actuator/prometheus} shows (HTTP histograms, outbox gauges with the rows' real numbers, dead letters,
 * the framework series the dashboards use), and a trace that crosses the outbox and Kafka.
 */
@SpringBootTest(classes = ObservabilityIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=observability-it",
                "outbox.relay.interval=1h",                       // the tests relay when they choose
                "tradingedu.metrics.database-gauge-ttl=0s",       // every scrape reads the rows as they are now
                "obs-it.group=obs-it",
                "security.service-token=" + ObservabilityIT.SERVICE_TOKEN})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    static final String SERVICE_TOKEN = "observability-it-service-token-0123456789";

    private static final String DATABASE = "jdbc:postgresql://localhost:5432/tradingedu";
    /** The local stack's developer role; the stack generates its password (DATABASE_PASSWORD, docs/database.md). */
    private static final String USER = System.getenv().getOrDefault("DATABASE_USER", "tradingedu");
    private static final String PASSWORD = System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu");
    private static final String SCHEMA = "obs_it_" + UUID.randomUUID().toString().replace("-", "");
    private static final Logger log = LoggerFactory.getLogger(ObservabilityIT.class);
    /** One name for the whole test (a ${random.uuid} property would differ at each place it is read). */
    private static final String TOPIC = "obs-it-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Tracer tracer;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    App app;

    @DynamicPropertySource
    static void privateSchema(DynamicPropertyRegistry registry) throws IOException {
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(DATABASE, USER, PASSWORD));
        admin.execute("CREATE SCHEMA " + SCHEMA);
        JdbcTemplate schema = new JdbcTemplate(new DriverManagerDataSource(DATABASE + "?currentSchema=" + SCHEMA,
                USER, PASSWORD));
        for (String script : List.of("V0_1__messaging.sql", "R__outbox_parking.sql", "R__outbox_tracing.sql")) {
            schema.execute(resource("db/support/" + script));
        }
        registry.add("spring.datasource.url", () -> DATABASE + "?currentSchema=" + SCHEMA);
        registry.add("obs-it.topic", () -> TOPIC);
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(new DriverManagerDataSource(DATABASE, USER, PASSWORD))
                .execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }

    @AfterEach
    void emptyOutbox() {
        jdbc.update("DELETE FROM outbox_message");
    }

    @Test
    void httpLatencyIsAHistogramWithBuckets() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/obs-it/hello")).isEqualTo("hello");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Samples samples = scrape();
            Map<String, String> hello = Map.of("uri", "/obs-it/hello", "method", "GET", "status", "200",
                    "application", "observability-it");
            assertThat(samples.value("http_server_requests_seconds_count", hello)).isEqualTo(3.0);
            assertThat(samples.value("http_server_requests_seconds_bucket", with(hello, "le", "+Inf"))).isEqualTo(3.0);
            // a real histogram: many finite buckets, not only +Inf
            assertThat(samples.all("http_server_requests_seconds_bucket", hello)).hasSizeGreaterThan(10);
        });
    }

    @Test
    void outboxGaugesShowBacklogOldestAgeAndParkedRows() {
        insertRows(3, "now() - interval '90 seconds'", false, false);
        insertRows(1, "now() - interval '5 seconds'", false, false);
        insertRows(2, "now() - interval '1 hour'", true, false);    // parked: not in the backlog, nor its age
        insertRows(4, "now() - interval '2 hours'", false, true);   // published

        Samples samples = scrape();

        Map<String, String> service = Map.of("application", "observability-it");
        assertThat(samples.value("tradingedu_outbox_backlog", service)).isEqualTo(4.0);
        assertThat(samples.value("tradingedu_outbox_parked", service)).isEqualTo(2.0);
        assertThat(samples.value("tradingedu_outbox_oldest_age_seconds", service)).isBetween(90.0, 150.0);

        jdbc.update("UPDATE outbox_message SET published_at = now() WHERE published_at IS NULL AND parked_at IS NULL");
        Samples drained = scrape();
        assertThat(drained.value("tradingedu_outbox_backlog", service)).isEqualTo(0.0);
        assertThat(drained.value("tradingedu_outbox_oldest_age_seconds", service)).isEqualTo(0.0);
    }

    @Test
    void messageWrittenInATraceReachesTheListenerInThatTrace(CapturedOutput output) throws Exception {
        MediaDeleted message = MediaDeleted.of(UUID.randomUUID(), UUID.randomUUID());
        Span request = tracer.nextSpan().name("obs-it request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.publish(app.topic, message));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();
        assertThat(jdbc.queryForObject("SELECT traceparent FROM outbox_message", String.class))
                .startsWith("00-" + traceId + "-");

        relay.relayPending();   // from the test thread, outside any span, as the scheduled relay would

        Received received = app.received.poll(30, TimeUnit.SECONDS);
        assertThat(received).as("the relayed message reached the listener").isNotNull();
        assertThat(received.record().value()).contains(message.eventId().toString());
        Header traceparent = received.record().headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
        assertThat(received.listenerTraceId()).isEqualTo(traceId);
        // the listener's log line carries the trace id (ECS JSON here: "traceId")
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().lines()
                .anyMatch(line -> line.contains("obs-it received " + message.eventId()) && line.contains(traceId)));
    }

    @Test
    void deadLettersAreCountedByTopicAndTheDashboardSeriesAreExposed() {
        kafka.send(app.topic, "poison", "not a pipeline message");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                scrape().value("tradingedu_messaging_dead_letters_total", Map.of("topic", app.topic)))
                .isEqualTo(1.0));

        Samples samples = scrape();
        List<String> serviceSupportHas = MetricNames.PROMETHEUS.stream()
                // only a pipeline or backtesting service has these; Prometheus adds "up"; GC pauses need a GC
                .filter(name -> !name.startsWith("tradingedu_pipeline_") && !name.startsWith("tradingedu_backtest_")
                        && !name.equals("up") && !name.equals("jvm_gc_pause_seconds"))
                .toList();
        assertThat(serviceSupportHas).allSatisfy(name -> assertThat(samples.has(name))
                .as("a series named %s (or with a Prometheus suffix)", name).isTrue());
        assertThat(samples.all("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isNotEmpty();
    }

    private void insertRows(int count, String createdAt, boolean parked, boolean published) {
        for (int i = 0; i < count; i++) {
            jdbc.update("INSERT INTO outbox_message (event_id, topic, message_key, message_type, payload, created_at,"
                    + " parked_at, parked_reason, published_at) VALUES (?, 'obs-it-never-sent', 'key', 'Test', '{}', "
                    + createdAt + ", " + (parked ? "now(), 'test'" : "NULL, NULL") + ", "
                    + (published ? "now()" : "NULL") + ")", UUID.randomUUID());
        }
    }

    private Samples scrape() {
        return Samples.parse(get("/actuator/prometheus"));
    }

    /** Every HTTP call of this test goes through here (the place to add credentials when the service wants them). */
    private String get(String path) {
        // metrics need the read scope (docs/security.md)
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .header("Authorization", "Bearer " + SERVICE_TOKEN).retrieve().body(String.class);
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var copy = new java.util.HashMap<>(labels);
        copy.put(name, value);
        return copy;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ObservabilityIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    record Received(ConsumerRecord<String, String> record, String listenerTraceId) {
    }

    @SpringBootApplication
    @RestController
    static class App {

        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        final String topic;
        private final Tracer tracer;

        App(@org.springframework.beans.factory.annotation.Value("${obs-it.topic}") String topic, Tracer tracer) {
            this.topic = topic;
            this.tracer = tracer;
        }

        @GetMapping("/obs-it/hello")
        String hello() {
            return "hello";
        }

        @Bean
        NewTopic obsItTopic() {
            return TopicBuilder.name(topic).partitions(1).replicas(1).build();
        }

        @Bean
        NewTopic obsItDeadLetters() {
            return TopicBuilder.name(topic + "-dlt").partitions(1).replicas(1).build();
        }

        @KafkaListener(topics = "${obs-it.topic}", groupId = "${obs-it.topic}")
        void onMessage(ConsumerRecord<String, String> record) {
            io.tradingedu.shared.pipeline.PipelineMessages.fromJson(record.value());   // poison goes to the DLT
            Span span = tracer.currentSpan();
            log.info("obs-it received {}", io.tradingedu.shared.pipeline.PipelineMessages.fromJson(record.value())
                    .eventId());
            received.add(new Received(record, span == null ? null : span.context().traceId()));
        }
    }
}
