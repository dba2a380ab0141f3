package io.tradingedu.orchestrator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.orchestrator.OrchestratorApplication;
import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.orchestrator.run.PipelineRun;
import io.tradingedu.orchestrator.run.RunNotFoundException;
import io.tradingedu.orchestrator.run.RunService;
import io.tradingedu.orchestrator.run.StageStatus;
import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import io.tradingedu.shared.pipeline.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/** Long media work: cancellation mid-stage, and worker-only instances sharing a stage, one killed mid-video. */
@OrchestratorIT
class MediaWorkIT {

    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;
    static TestLessons.Lesson narrated;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RunService runs;
    @Autowired
    MediaStageRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void generate() throws Exception {
        narrated = TestLessons.generate(dir, "narrated", TestLessons.RSI_LESSON, false);
    }

    @Test
    void cancellingARunStopsItsMediaWorkWithoutWritingAnything() throws Exception {
        MediaIngested ingested = ingest(copy("cancel"), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).ignoreException(RunNotFoundException.class)
                .until(() -> runs.find(ingested.runId()).stage(PipelineStage.PROCESS_VIDEO).getStatus()
                        == StageStatus.RUNNING);

        runs.cancel(ingested.runId(), "cancelled by the test");

        await().atMost(Duration.ofSeconds(20)).until(() -> runner.runningJobs() == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(runs.find(ingested.runId()).getStatus()).isEqualTo(RunStatus.CANCELLED);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis.transcript WHERE media_id = ?",
                    Integer.class, ingested.mediaId())).isZero();
        });
        try (Stream<Path> left = Files.walk(dir.resolve("cancel"))) {
            assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("lesson.mp4");
        }
    }

    @Test
    void aWorkerInstanceKilledMidVideoIsReplacedAndTheRunCompletesOnce() throws Exception {
        ConfigurableApplicationContext worker = startWorkerOnlyInstance();
        try {
            assertThat(worker.containsBean("runListeners")).as("a worker-only instance runs no state machine").isFalse();
            Set<Integer> workersPartitions = assignedPartitions(worker);
            UUID mediaId = mediaIdOnPartitionOf(workersPartitions);
            MediaIngested ingested = ingest(copy("killed"), mediaId);
            MediaStageRunner workersRunner = worker.getBean(MediaStageRunner.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> workersRunner.runningJobs() == 1);

            worker.close();

            PipelineRun run = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                    .until(() -> runs.find(ingested.runId()), r -> r.getStatus().isTerminal());
            assertThat(run.getStatus()).as(run.getFailureReason()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.stage(PipelineStage.PROCESS_VIDEO).getAttempt()).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis.transcript WHERE media_id = ?",
                    Integer.class, mediaId)).isEqualTo(1);
            try (Stream<Path> attempts = Files.list(dir.resolve("killed/analysis/frames"))) {
                assertThat(attempts).hasSize(1);
            }
        } finally {
            worker.close();
        }
    }

    /** A second orchestrator started with PIPELINE_ROLE=worker: stage workers only, in the same consumer groups. */
    private static ConfigurableApplicationContext startWorkerOnlyInstance() {
        // command-line arguments: they outrank application.yml (default properties would not, and the instance would
        // quietly run the state machine as well)
        return new SpringApplicationBuilder(OrchestratorApplication.class).run(
                "--pipeline.role=worker", "--server.port=0", "--media-work.heartbeat-interval=3s",
                "--media-work.cancel-check-interval=500ms", "--outbox.relay.interval=100ms",
                "--logging.structured.format.console=");
    }

    private static Set<Integer> assignedPartitions(ConfigurableApplicationContext worker) {
        var container = worker.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("process-video-worker");
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            Collection<TopicPartition> assigned = container.getAssignedPartitions();
            return assigned == null ? Set.<Integer>of()
                    : assigned.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        }, p -> !p.isEmpty());
    }

    /** Messages are keyed by media id; pick one that Kafka's default partitioner sends to the worker's partition. */
    private static UUID mediaIdOnPartitionOf(Set<Integer> partitions) {
        while (true) {
            UUID id = UUID.randomUUID();
            byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
            if (partitions.contains(Utils.toPositive(Utils.murmur2(key)) % PARTITIONS)) {
                return id;
            }
        }
    }

    private static Path copy(String name) throws Exception {
        return Files.copy(narrated.video(), Files.createDirectories(dir.resolve(name)).resolve("lesson.mp4"));
    }

    private MediaIngested ingest(Path file, UUID mediaId) throws Exception {
        MediaIngested ingested = MediaIngested.of(UUID.randomUUID(), mediaId, file.toString(),
                file.getFileName().toString(), "0".repeat(64), Files.size(file));
        kafka.send(Topics.MEDIA_EVENTS, mediaId.toString(), PipelineMessages.toJson(ingested)).get();
        return ingested;
    }
}
