package io.tradingedu.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline through faults: the four services' jars as separate processes against a private PostgreSQL and
 * Kafka (docs/system-tests.md). One suite for the class; each scenario leaves it running for the next, in order
 * ({@code SAME_THREAD} on each).
 *
 * <p>The class runs beside the other test classes ({@code CONCURRENT}; the pom allows two at once): most of its time
 * is waiting (a three-minute outage, leases running out, runs being followed), so its suite has a lane of its own,
 * every port moved by {@value #LANE_PORT_SHIFT} and its state in {@code target/pipeline-faults}.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsIT {

    /** Added to the suite's ports: 16432, 20092, 19001-19004 (+ the port offset) beside the others' 15432, 19092, ... */
    static final int LANE_PORT_SHIFT = 1000;

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    /** The documented scenario is three minutes; {@code -Dsystemtests.postgres-outage=PT30S} shortens it locally. */
    private static final Duration POSTGRES_OUTAGE = SystemPaths.duration("systemtests.postgres-outage",
            Duration.ofMinutes(3));
    private static final int STAGES = 10;
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    /**
     * The scenarios' lessons (label, seconds per slide: longer slides make stage 2 run longer), in the order they are
     * ingested; made in the background while the services start.
     */
    private static final List<Map.Entry<String, Integer>> LESSONS = List.of(Map.entry("after-poison", 4),
            Map.entry("orchestrator-killed", 10), Map.entry("kafka-down-1", 4), Map.entry("kafka-down-2", 4),
            Map.entry("two-orchestrators-1", 4), Map.entry("two-orchestrators-2", 4), Map.entry("postgres-down", 8));

    private static SystemSuite suite;
    private static ServiceProcess orchestrator;
    private static ApiClient api;
    private static PipelineProbe probe;
    private static Lessons lessons;

    @BeforeAll
    static void startSuite() {
        suite = SystemSuite.inLane("pipeline-faults", LANE_PORT_SHIFT);
        try {
            FourServices services = suite.startFourServices(Map.of("orchestrator", orchestratorSettings()));
            orchestrator = services.orchestrator();
            lessons = new Lessons(suite.paths().work().resolve("ingest"));
            lessons.prepareInBackground(LESSONS);
            services.awaitHealthy();
            api = suite.client(services.api());
            probe = new PipelineProbe(suite);
            suite.loadSp500(suite.client(services.backtesting()));
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    /** A short process-video lease with a frequent heartbeat, so a killed worker's stage is retried within 15 s. */
    private static Map<String, String> orchestratorSettings() {
        return Map.of("PROCESS_VIDEO_LEASE", "15s", "MEDIA_WORK_HEARTBEAT", "3s");
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void poisonMessagesGoToTheDeadLetterTopicAndThePipelineGoesOn() {
        String topic = "pipeline.validate.commands.v1";
        String garbageKey = "garbage-" + UUID.randomUUID();
        String invalidKey = "invalid-" + UUID.randomUUID();
        probe.publish(topic, garbageKey, new byte[] {0, (byte) 0xff, 0x13, '{', '"', (byte) 0xc3});
        // well-formed JSON of a known type, but without the eventId every message must carry
        probe.publish(topic, invalidKey, ("{\"type\":\"ValidateMedia\",\"runId\":\"" + UUID.randomUUID()
                + "\",\"mediaId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"schemaVersion\":1,\"attempt\":1,\"mediaPath\":\"nowhere/lesson.mp4\"}")
                .getBytes(StandardCharsets.UTF_8));

        Commands.await(Duration.ofMinutes(1), "both poison messages in " + topic + "-dlt", () -> {
            List<String> keys = probe.readAll(topic + "-dlt").stream().map(r -> r.key()).toList();
            return keys.contains(garbageKey) && keys.contains(invalidKey);
        });

        UUID media = ingest("after-poison", 4);
        assertCompletedOnce(media, followRun(media, RUN_TIMEOUT));
        assertThat(orchestrator.alive()).as("the orchestrator survived the poison").isTrue();
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void orchestratorKilledMidStageFinishesTheRunExactlyOnce() {
        UUID media = ingest("orchestrator-killed", 10);
        followRun(media, Duration.ofMinutes(2), item -> "running".equals(stage(item, "process-video")
                .path("status").asString()));

        orchestrator.kill();
        assertThat(orchestrator.alive()).isFalse();
        orchestrator.start().awaitHealthy(SystemSuite.START_TIMEOUT);

        assertCompletedOnce(media, followRun(media, RUN_TIMEOUT));
    }

    @Test
    @Order(3)
    @Execution(ExecutionMode.SAME_THREAD)
    void uploadsAcceptedWhileKafkaIsDownAreProcessedWhenItReturns() {
        String first = lessons.make("kafka-down-1", 4);
        String second = lessons.make("kafka-down-2", 4);
        suite.kafka().stop();
        UUID one;
        UUID two;
        try {
            one = upload(first);
            two = upload(second);
            assertThat(api.get("/media_items/" + one).expect(200).json().path("status").asString())
                    .isEqualTo("pending");
        } finally {
            suite.kafka().start();
        }
        assertCompletedOnce(one, followRun(one, RUN_TIMEOUT));
        assertCompletedOnce(two, followRun(two, RUN_TIMEOUT));
    }

    @Test
    @Order(4)
    @Execution(ExecutionMode.SAME_THREAD)
    void twoOrchestratorInstancesCompleteEveryRunExactlyOnce() {
        ServiceProcess second = suite.start("orchestrator-2", "orchestrator-service",
                suite.orchestratorPort() + 10, orchestratorSettings());
        try {
            second.awaitHealthy(SystemSuite.START_TIMEOUT);
            List<UUID> media = List.of(ingest("two-orchestrators-1", 4), ingest("two-orchestrators-2", 4));
            for (UUID item : media) {
                assertCompletedOnce(item, followRun(item, RUN_TIMEOUT));
            }
        } finally {
            second.stop();
        }
    }

    @Test
    @Order(5)
    @Execution(ExecutionMode.SAME_THREAD)
    void postgresDownWithMessagesInFlightLosesNothing() {
        Map<String, Long> deadLettersBefore = probe.deadLetters();
        UUID media = ingest("postgres-down", 8);
        followRun(media, Duration.ofMinutes(2), item -> "running".equals(stage(item, "process-video")
                .path("status").asString()));

        Instant down = Instant.now();
        suite.postgres().stop();
        try {
            // a read answers 503 problem+json at once (bounded: a request past 10 s fails), readiness says DOWN
            ApiClient quick = api.withTimeout(Duration.ofSeconds(10));
            Commands.await(Duration.ofSeconds(30), "api-service to answer a read with 503 during the outage",
                    () -> quick.get("/media_items/" + media).status() == 503);
            ApiClient.Answer read = quick.get("/media_items/" + media);
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(read.json().path("status").asInt()).isEqualTo(503);
            Commands.await(Duration.ofSeconds(30), "api-service readiness DOWN during the outage",
                    () -> quick.get("/actuator/health/readiness").status() == 503);
            assertThat(quick.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("DOWN");

            Duration left = POSTGRES_OUTAGE.minus(Duration.between(down, Instant.now()));
            if (!left.isNegative()) {
                Commands.sleep(left);
            }
        } finally {
            suite.postgres().start();
        }

        assertCompletedOnce(media, followRun(media, RUN_TIMEOUT));
        assertThat(probe.deadLetters()).as("nothing went to a dead-letter topic").isEqualTo(deadLettersBefore);
        for (String name : List.of("api", "orchestrator", "embeddings", "backtesting")) {
            ServiceProcess service = suite.service(name);
            assertThat(service.alive()).as(name + " recovered without a restart").isTrue();
            ApiClient client = suite.client(service);
            Commands.await(Duration.ofMinutes(1), name + " ready again",
                    () -> client.get("/actuator/health/readiness").status() == 200);
        }
        api.get("/media_items").expect(200);
    }

    // ---- helpers

    private static UUID ingest(String label, int slideSeconds) {
        String path = lessons.make(label, slideSeconds);
        JsonNode item = api.postJson("/ingest", Map.of("video_path", path, "source_url", "generated://" + label))
                .expect(202).json();
        return UUID.fromString(item.path("id").asString());
    }

    private static UUID upload(String relativePath) {
        JsonNode item = api.postFiles("/media_items",
                Map.of("file", suite.paths().work().resolve("ingest").resolve(relativePath))).expect(202).json();
        return UUID.fromString(item.path("id").asString());
    }

    /** Follows {@code GET /media_items/{id}} until its run has finished; answers the item. */
    private static JsonNode followRun(UUID media, Duration timeout) {
        return followRun(media, timeout, item -> FINISHED.contains(item.path("run").path("status").asString()));
    }

    /**
     * Polls the item until {@code until} holds; answers it. Answers other than 200 (a 503 in an outage) and failed
     * requests are waited through; the last one is reported when time runs out.
     */
    private static JsonNode followRun(UUID media, Duration timeout, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                ApiClient.Answer answer = api.get("/media_items/" + media);
                last = answer.status() + " " + answer.body();
                if (answer.status() == 200) {
                    JsonNode item = answer.json();
                    if (until.test(item)) {
                        return item;
                    }
                    if (FINISHED.contains(item.path("run").path("status").asString())) {
                        throw new AssertionError("the run of " + media + " finished before the awaited state: "
                                + last);
                    }
                }
            } catch (UncheckedIOException e) {
                last = e.getMessage();
            }
            Commands.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("media " + media + " not in the awaited state within " + timeout + "; last: "
                + last);
    }

    private static JsonNode stage(JsonNode item, String name) {
        for (JsonNode stage : item.path("run").path("stages")) {
            if (name.equals(stage.path("stage").asString())) {
                return stage;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * The run completed, once: one run for the item, each of the ten stages executed and completed once, one
     * "completed" announcement, and no stage's results twice (keyword hits, attempt directories of stage outputs).
     */
    private static void assertCompletedOnce(UUID media, JsonNode item) {
        assertThat(item.path("run").path("status").asString()).as("run of %s: %s", media, item).isEqualTo("completed");
        List<UUID> runs = probe.runsOf(media);
        assertThat(runs).as("runs of " + media).hasSize(1);
        UUID run = runs.getFirst();
        List<PipelineProbe.StageRow> stages = probe.stagesOf(run);
        assertThat(stages).as("stages of run " + run).hasSize(STAGES)
                .allSatisfy(s -> assertThat(s.status()).as(s.stage()).isEqualTo("SUCCEEDED"));
        assertThat(stages.stream().map(PipelineProbe.StageRow::stage).distinct().count()).isEqualTo(STAGES);
        // the relay publishes the announcement after the commit that readers already see
        Commands.await(Duration.ofSeconds(30), "RunStatusChanged COMPLETED of " + run + " on "
                + PipelineProbe.RUN_EVENTS, () -> probe.runAnnouncements(run, "COMPLETED") > 0);
        assertThat(probe.runAnnouncements(run, "COMPLETED")).as("RunStatusChanged COMPLETED events of " + run)
                .isEqualTo(1);
        assertThat(probe.count("analysis.keyword_hit", media)).as("keyword hits of the RSI lesson").isPositive();
        assertThat(probe.duplicateKeywordHits(media)).as("duplicated keyword hits").isZero();
        assertThat(probe.analysisAttemptDirectories(run)).as("attempt directories per kind of stage output")
                .isNotEmpty().allSatisfy((kind, count) -> assertThat(count).as(kind).isEqualTo(1));
    }
}
