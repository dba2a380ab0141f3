package io.tradingedu.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradingedu.orchestrator.OrchestratorIT;
import io.tradingedu.orchestrator.validate.TestVideos;
import io.tradingedu.shared.pipeline.MediaIngested;
import io.tradingedu.shared.pipeline.PipelineStage;
import io.tradingedu.shared.pipeline.RunStatus;
import io.tradingedu.shared.pipeline.StageProgressed;
import io.tradingedu.shared.pipeline.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several orchestrator instances' timekeepers on one database: each expired lease and each due retry is acted on by
 * exactly one of them. The context's own timekeeper ticks too, as one more instance. The runs' stage 1 commands are
 * lost on purpose (deleted from the outbox), so only timers move them; their file is not a video, so attempt 2 fails
 * the run without retry.
 */
@OrchestratorIT
class StageTimekeeperIT {

    @TempDir
    static Path dir;
    static Path notAVideo;

    @Autowired
    PipelineRunRepository repository;
    @Autowired
    RunService runs;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @BeforeAll
    static void file() throws Exception {
        notAVideo = TestVideos.randomBytes(dir, "not-a-video.mp4");
    }

    @Test
    void aRunLockedByAnotherInstancesActionIsSkippedNotWaitedFor() throws Exception {
        MediaIngested ingested = startedWithLostCommand();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean heldUntilReleased = new AtomicBoolean();
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> {
                    jdbc.queryForList("SELECT id FROM pipeline_run WHERE id = ? FOR UPDATE", ingested.runId());
                    locked.countDown();
                    try {
                        // bounded so that a timekeeper that waited for the lock fails the test instead of hanging it
                        heldUntilReleased.set(release.await(60, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        locked.await();
        expireLeases(List.of(ingested.runId()));

        timekeeper().tick();

        Stage whileLocked = stage(ingested.runId());
        release.countDown();
        otherInstance.get();
        assertThat(heldUntilReleased).as("the tick returned while the run was locked").isTrue();
        assertThat(whileLocked).isEqualTo(new Stage("RUNNING", 1));
        timekeeper().tick();
        assertEachTimerActedOnOnce(ingested);
    }

    @Test
    void twoTimekeepersRacingOnExpiredLeasesActOncePerLease() {
        List<MediaIngested> started = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            started.add(startedWithLostCommand());
        }
        StageTimekeeper first = timekeeper();
        StageTimekeeper second = timekeeper();
        AtomicBoolean racing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> instances = List.of(first, second).stream()
                .map(keeper -> CompletableFuture.runAsync(() -> {
                    while (racing.get()) {
                        keeper.tick();
                    }
                })).toList();

        expireLeases(started.stream().map(MediaIngested::runId).toList());
        try {
            started.forEach(this::assertEachTimerActedOnOnce);
        } finally {
            racing.set(false);
            instances.forEach(CompletableFuture::join);
        }
    }

    @Test
    void aProgressReportRacingTheTimerCannotPutAFailedStageBackToRunning() throws Exception {
        MediaIngested ingested = startedWithLostCommand();
        UUID runId = ingested.runId();
        StageProgressed stillBusy = new StageProgressed(UUID.randomUUID(), runId, ingested.mediaId(), clock.instant(),
                StageProgressed.SCHEMA_VERSION, PipelineStage.VALIDATE, 1, "still probing");
        AtomicReference<CompletableFuture<Void>> progress = new AtomicReference<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();

        transactions.executeWithoutResult(status -> {
            // this instance's timekeeper acts: the lease of the stage's last attempt ran out, so the run fails
            assertThat(repository.claimUnlessLocked(runId)).isPresent();
            jdbc.update("UPDATE stage_execution SET lease_expires_at = now() - interval '1 second', "
                    + "max_attempt = attempt WHERE run_id = ?", runId);
            runs.onTimer(runId);
            repository.flush();
            int timekeeper = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            // meanwhile the worker's progress for attempt 1 arrives; the timekeeper commits once it waits for it
            progress.set(CompletableFuture.runAsync(() -> runs.recordProgress(stillBusy), worker));
            await().atMost(Duration.ofSeconds(30)).until(() -> progress.get().isDone() || jdbc.queryForObject(
                    "SELECT count(*) > 0 FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", Boolean.class,
                    timekeeper));
        });
        progress.get().get(60, TimeUnit.SECONDS);
        worker.shutdown();

        assertThat(runs.find(runId).getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(stage(runId)).isEqualTo(new Stage("FAILED", 1));
    }

    /** A run whose first command never reaches a worker; its lease is far away until a test expires it. */
    private MediaIngested startedWithLostCommand() {
        MediaIngested ingested = MediaIngested.of(UUID.randomUUID(), UUID.randomUUID(), notAVideo.toString(),
                "not-a-video.mp4", "0".repeat(64), 1);
        transactions.executeWithoutResult(status -> {
            runs.startRun(ingested);
            jdbc.update("DELETE FROM outbox_message WHERE message_key = ? AND topic = ?",
                    ingested.mediaId().toString(), PipelineStage.VALIDATE.commandsTopic());
            jdbc.update("UPDATE stage_execution SET lease_expires_at = now() + interval '1 hour' WHERE run_id = ?",
                    ingested.runId());
        });
        return ingested;
    }

    private void expireLeases(List<UUID> runIds) {
        jdbc.update("UPDATE stage_execution SET lease_expires_at = now() - interval '1 second' "
                + "WHERE status = 'RUNNING' AND run_id = ANY (?)", (Object) runIds.toArray(UUID[]::new));
    }

    /**
     * Every timer was acted on once: attempt 1's expired lease failed it once and its retry was dispatched once (one
     * command for attempt 2, the first the workers see), and so on for any later attempt (a worker slower than the
     * tests' 4 s lease makes one more); the run ended once.
     */
    private void assertEachTimerActedOnOnce(MediaIngested ingested) {
        PipelineRun run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.find(ingested.runId()), r -> r.getStatus().isTerminal());
        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        int attempts = run.stage(PipelineStage.VALIDATE).getAttempt();
        assertThat(attempts).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList("""
                SELECT CAST(payload AS jsonb) ->> 'attempt' FROM outbox_message WHERE message_key = ? AND topic = ?
                ORDER BY id""", String.class, ingested.mediaId().toString(), PipelineStage.VALIDATE.commandsTopic()))
                .as("each attempt dispatched once")
                .containsExactlyElementsOf(IntStream.rangeClosed(2, attempts).mapToObj(String::valueOf).toList());
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM outbox_message WHERE message_key = ? AND topic = ?
                AND message_type = 'RunStatusChanged' AND payload LIKE '%"FAILED"%'""",
                Integer.class, ingested.mediaId().toString(), Topics.RUN_EVENTS)).isEqualTo(1);
    }

    private Stage stage(UUID runId) {
        return jdbc.queryForObject("SELECT status, attempt FROM stage_execution WHERE run_id = ? AND position = 1",
                (rs, i) -> new Stage(rs.getString(1), rs.getInt(2)), runId);
    }

    private StageTimekeeper timekeeper() {
        return new StageTimekeeper(repository, runs, transactions, clock);
    }

    private record Stage(String status, int attempt) {
    }
}
