package io.tradingedu.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.orchestrator.validate.TestVideos;
import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import io.tradingedu.shared.pipeline.StageOutcome;
import io.tradingedu.shared.pipeline.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The stage 1 saga against the local PostgreSQL and Kafka, with the real ffprobe. */
@OrchestratorIT
class PipelineSagaIT {

    @TempDir
    static Path dir;
    static Path valid;

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RunService runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void generate() throws Exception {
        valid = TestVideos.validMp4(dir);
    }

    @Test
    void generatedVideoCompletesStageOneWithItsMetadataStored() throws Exception {
        MediaIngested ingested = ingest(valid);

        PipelineRun run = awaitEnd(ingested.runId());

        assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED);
        StageExecution validate = run.stage(PipelineStage.VALIDATE);
        assertThat(validate.getAttempt()).isEqualTo(1);
        assertThat(validate.getSummary()).startsWith("h264 320x240 25.00 fps");
        var probe = ((io.tradingedu.shared.pipeline.MediaValidated) PipelineMessages.fromJson(validate.getOutput())).probe();
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.subtitles()).extracting(s -> s.language()).containsExactly("eng");
        assertThat(validate.duration()).isNotNull();
    }

    @Test
    void randomBytesNamedMp4FailAtStageOne() throws Exception {
        PipelineRun run = awaitEnd(ingest(TestVideos.randomBytes(dir, "random.mp4")).runId());

        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.getFailureReason()).isEqualTo(
                "stage 1 (validate) failed: not a video file: its content is not a recognised media format");
    }

    @Test
    void truncatedMp4FailsAtStageOne() throws Exception {
        Path cut = TestVideos.truncated(valid, dir.resolve("cut.mp4"), 50);

        PipelineRun run = awaitEnd(ingest(cut).runId());

        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.getFailureReason()).startsWith("stage 1 (validate) failed: file is truncated");
    }

    @Test
    void duplicatedStageEventChangesNothing() throws Exception {
        Path copy = TestVideos.silentMp4(dir, "dup.mp4");
        MediaIngested ingested = ingest(copy);
        PipelineRun done = awaitEnd(ingested.runId());
        StageOutcome outcome = (StageOutcome) PipelineMessages.fromJson(done.stage(PipelineStage.VALIDATE).getOutput());
        int messagesBefore = outboxMessages(ingested.mediaId());

        kafka.send(PipelineStage.VALIDATE.eventsTopic(), ingested.mediaId().toString(), PipelineMessages.toJson(outcome));
        kafka.send(Topics.MEDIA_EVENTS, ingested.mediaId().toString(), PipelineMessages.toJson(ingested));
        runs.recordOutcome(outcome);
        runs.startRun(ingested);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            PipelineRun after = runs.find(ingested.runId());
            assertThat(after.getStatus()).isEqualTo(RunStatus.COMPLETED);
            assertThat(after.getUpdatedAt()).isEqualTo(done.getUpdatedAt());
            assertThat(runs.findByMedia(ingested.mediaId())).hasSize(1);
            assertThat(outboxMessages(ingested.mediaId())).isEqualTo(messagesBefore);
        });
    }

    @Test
    void lostStageCommandStillCompletesAfterTheLeaseExpires() throws Exception {
        Path file = TestVideos.silentMp4(dir, "lost.mp4");
        MediaIngested ingested = MediaIngested.of(UUID.randomUUID(), UUID.randomUUID(), file.toString(), "lost.mp4",
                "0".repeat(64), 1);
        transactions.executeWithoutResult(status -> {
            runs.startRun(ingested);
            // The command never reaches Kafka: as if the broker lost it or the worker died before answering.
            jdbc.update("DELETE FROM outbox_message WHERE message_key = ? AND topic = ?",
                    ingested.mediaId().toString(), PipelineStage.VALIDATE.commandsTopic());
        });

        PipelineRun run = awaitEnd(ingested.runId());

        assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.stage(PipelineStage.VALIDATE).getAttempt()).isEqualTo(2);
    }

    @Test
    void failedRunRetriedFromTheFailedStageCompletesOnceTheInputIsFixed() throws Exception {
        Path file = dir.resolve("fixed-later.mp4");
        TestVideos.randomBytes(dir, "fixed-later.mp4");
        MediaIngested ingested = ingest(file);
        assertThat(awaitEnd(ingested.runId()).getStatus()).isEqualTo(RunStatus.FAILED);

        java.nio.file.Files.copy(TestVideos.silentMp4(dir, "fix.mp4"), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        runs.retry(ingested.runId());

        PipelineRun run = awaitEnd(ingested.runId());
        assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.stage(PipelineStage.VALIDATE).getAttempt()).isEqualTo(2);
    }

    private MediaIngested ingest(Path file) throws Exception {
        MediaIngested ingested = MediaIngested.of(UUID.randomUUID(), UUID.randomUUID(), file.toString(),
                file.getFileName().toString(), "0".repeat(64), java.nio.file.Files.size(file));
        kafka.send(Topics.MEDIA_EVENTS, ingested.mediaId().toString(), PipelineMessages.toJson(ingested)).get();
        return ingested;
    }

    private PipelineRun awaitEnd(UUID runId) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .ignoreException(RunNotFoundException.class)
                .until(() -> runs.find(runId), run -> run.getStatus().isTerminal());
    }

    private int outboxMessages(UUID mediaId) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE message_key = ?", Integer.class,
                mediaId.toString());
    }
}
