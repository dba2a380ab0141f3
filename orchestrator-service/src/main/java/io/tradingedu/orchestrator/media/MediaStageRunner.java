package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.support.messaging.StageReplies;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Runs media stage work off the Kafka listener thread. The listener hands the command over and returns; its container
 * is paused until the job ends, so one instance takes one command per stage at a time and the consumer keeps polling
 * (no rebalance however long the video). While the job runs, its {@link JobHeartbeat} re-announces its progress,
 * which renews the stage's lease at the orchestrator, and stops the job when the run no longer wants the result. The
 * job's writes commit only if the run still wants them at that moment. A job that dies with the instance is retried
 * by the orchestrator when its lease expires.
 */
@Component
public class MediaStageRunner {

    private static final Logger log = LoggerFactory.getLogger(MediaStageRunner.class);
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final StageReplies replies;
    private final KafkaListenerEndpointRegistry listeners;
    private final RunLiveness liveness;
    private final ProgressPublisher progress;
    private final MediaWorkProperties properties;
    private final Clock clock;
    // Unbounded queue, bounded in fact: each stage's listener pauses while its job waits or runs.
    private final ThreadPoolExecutor jobs;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("media-heartbeat").daemon().factory());

    MediaStageRunner(StageReplies replies, KafkaListenerEndpointRegistry listeners, RunLiveness liveness,
                     ProgressPublisher progress, MediaWorkProperties properties, Clock clock) {
        this.replies = replies;
        this.listeners = listeners;
        this.liveness = liveness;
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
        this.jobs = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("media-job-", 0).factory());
    }

    /** Called on the listener thread: pauses the listener and runs the work on the job pool. */
    public <C extends StageCommand> void submit(String listenerId, String consumer, C command, StageWork<C> work) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        if (container == null) {
            throw new IllegalStateException("no listener container " + listenerId);
        }
        container.pause();
        jobs.execute(() -> {
            try {
                replies.answerOnce(consumer, command, c -> guarded(c, runJob(c, work)));
            } catch (JobAbandoned e) {
                log.info("run {} stage {} attempt {}: {}", command.runId(), command.stage().slug(),
                        command.attempt(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("run {} stage {} attempt {}: could not record the answer; the lease will retry it",
                        command.runId(), command.stage().slug(), command.attempt(), e);
            } finally {
                container.resume();
            }
        });
    }

    /** Jobs running now on this instance. */
    public int runningJobs() {
        return jobs.getActiveCount();
    }

    /** The job's writes apply only while the run still wants this stage's result (checked under a lock on the run). */
    private StageReplies.Reply guarded(StageCommand command, StageReplies.Reply reply) {
        return new StageReplies.Reply(reply.outcome(), () -> {
            if (liveness.wantsResultLocked(command)) {
                reply.writes().run();
            } else {
                log.info("run {} stage {} attempt {}: the run no longer wants this result; nothing stored",
                        command.runId(), command.stage().slug(), command.attempt());
            }
        });
    }

    private <C extends StageCommand> StageReplies.Reply runJob(C command, StageWork<C> work) {
        if (!liveness.wantsResult(command)) {
            throw new JobAbandoned("the run was cancelled, deleted or got this stage's result elsewhere before the "
                    + "work started");
        }
        var beat = new JobHeartbeat(command, Thread.currentThread(), liveness, progress, properties, clock);
        long interval = properties.cancelCheckInterval().toMillis();
        ScheduledFuture<?> schedule = heartbeats.scheduleWithFixedDelay(beat, 0, interval, TimeUnit.MILLISECONDS);
        try {
            return work.run(command, new StageWork.StageJob(beat::checkpoint, beat::progress));
        } catch (Exception e) {
            return failure(command, beat, e);
        } finally {
            schedule.cancel(false);
            beat.finish();
        }
    }

    private StageReplies.Reply failure(StageCommand command, JobHeartbeat beat, Exception e) {
        if (beat.overtime()) {
            return StageReplies.Reply.of(StageFailed.of(command, "the " + command.stage().slug() + " stage took "
                    + "longer than " + properties.maxJobDuration() + " and was stopped", false));
        }
        if (beat.stopReason() != null || e instanceof StageCancelledException) {
            throw new JobAbandoned(beat.stopReason() != null ? beat.stopReason() : e.getMessage());
        }
        if (e instanceof InterruptedException) {
            throw new JobAbandoned("interrupted (shutting down); the orchestrator retries when the lease expires");
        }
        log.error("run {} stage {} attempt {} failed unexpectedly", command.runId(), command.stage().slug(),
                command.attempt(), e);
        return StageReplies.Reply.of(StageFailed.of(command, "unexpected error: " + e.getMessage(), true));
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        heartbeats.shutdownNow();
        jobs.shutdownNow();
        // let the interrupted jobs kill their subprocesses and remove their files before the JVM goes
        if (!jobs.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
            log.warn("media jobs still running {} s after shutdown began", SHUTDOWN_GRACE_SECONDS);
        }
    }

    /** The job stopped without an answer: the run no longer wants one, or the service is stopping. */
    private static final class JobAbandoned extends RuntimeException {
        JobAbandoned(String message) {
            super(message);
        }
    }
}
