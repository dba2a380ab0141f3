package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.StageCommand;
import io.tradingedu.shared.pipeline.StageFailed;
import io.tradingedu.shared.pipeline.StageProgressed;
import io.tradingedu.support.messaging.Outbox;
import io.tradingedu.support.messaging.StageReplies;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs media stage work off the Kafka listener thread. The listener hands the command over and returns; its container
 * is paused until the job ends, so one instance takes one command per stage at a time and the consumer keeps polling
 * (no rebalance however long the video). While the job runs, a heartbeat re-announces its progress, which renews the
 * stage's lease at the orchestrator, and looks whether the run was cancelled or deleted: then the job is interrupted
 * and nothing is answered. A job that dies with the instance is retried by the orchestrator when its lease expires.
 */
@Component
public class MediaStageRunner {

    private static final Logger log = LoggerFactory.getLogger(MediaStageRunner.class);

    private final StageReplies replies;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final KafkaListenerEndpointRegistry listeners;
    private final RunLiveness liveness;
    private final MediaWorkProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor jobs;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("media-heartbeat").daemon().factory());

    MediaStageRunner(StageReplies replies, Outbox outbox, TransactionTemplate transactions,
                     KafkaListenerEndpointRegistry listeners, RunLiveness liveness, MediaWorkProperties properties,
                     Clock clock) {
        this.replies = replies;
        this.outbox = outbox;
        this.transactions = transactions;
        this.listeners = listeners;
        this.liveness = liveness;
        this.properties = properties;
        this.clock = clock;
        this.jobs = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.threads()), Thread.ofPlatform().name("media-job-", 0).factory());
    }

    /** Called on the listener thread: pauses the listener and runs the work on the job pool. */
    public <C extends StageCommand> void submit(String listenerId, String consumer, C command, StageWork<C> work) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        if (container == null) {
            throw new IllegalStateException("no listener container " + listenerId);
        }
        container.pause();
        try {
            jobs.execute(() -> {
                try {
                    replies.answerOnce(consumer, command, c -> runJob(c, work));
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
        } catch (RejectedExecutionException e) {
            container.resume();
            throw e;
        }
    }

    private <C extends StageCommand> StageReplies.Reply runJob(C command, StageWork<C> work) {
        if (!liveness.wantsResult(command.runId())) {
            throw new JobAbandoned("the run was cancelled or deleted before the work started");
        }
        var beat = new JobHeartbeat(command, Thread.currentThread());
        ScheduledFuture<?> schedule = heartbeats.scheduleWithFixedDelay(beat, properties.cancelCheckInterval().toMillis(),
                properties.cancelCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
        Checkpoint checkpoint = () -> {
            if (beat.cancelled != null) {
                throw new StageCancelledException(beat.cancelled);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("stage work interrupted");
            }
        };
        try {
            return work.run(command, new StageWork.StageJob(checkpoint, message -> beat.latest = message));
        } catch (StageCancelledException e) {
            throw new JobAbandoned(e.getMessage());
        } catch (InterruptedException e) {
            throw new JobAbandoned(beat.cancelled != null ? beat.cancelled
                    : "interrupted (shutting down); the orchestrator retries when the lease expires");
        } catch (Exception e) {
            if (beat.cancelled != null) {
                throw new JobAbandoned(beat.cancelled);
            }
            log.error("run {} stage {} attempt {} failed unexpectedly", command.runId(), command.stage().slug(),
                    command.attempt(), e);
            return StageReplies.Reply.of(StageFailed.of(command, "unexpected error: " + e.getMessage(), true));
        } finally {
            schedule.cancel(false);
            Thread.interrupted();
        }
    }

    /**
     * Runs every check interval while a job works: is the run still wanted (else interrupt the job)? Every heartbeat
     * interval, or soon after the progress message changed, tell the orchestrator how far the job got, which renews
     * the stage's lease.
     */
    private final class JobHeartbeat implements Runnable {

        private static final long MIN_GAP_SECONDS = 2;

        private final StageCommand command;
        private final Thread worker;
        volatile String latest = "started";
        volatile String cancelled;
        private String announced;
        private Instant announcedAt;

        JobHeartbeat(StageCommand command, Thread worker) {
            this.command = command;
            this.worker = worker;
        }

        @Override
        public void run() {
            try {
                if (cancelled == null && !liveness.wantsResult(command.runId())) {
                    cancelled = "the run was cancelled or deleted while the " + command.stage().slug() + " stage ran";
                    worker.interrupt();
                    return;
                }
                Instant now = clock.instant();
                String message = latest;
                boolean due = announcedAt == null || !now.isBefore(announcedAt.plus(properties.heartbeatInterval()));
                boolean changed = !message.equals(announced) && (announcedAt == null
                        || now.isAfter(announcedAt.plusSeconds(MIN_GAP_SECONDS)));
                if (due || changed) {
                    transactions.executeWithoutResult(s -> outbox.publish(command.stage().eventsTopic(),
                            StageProgressed.of(command, message)));
                    announced = message;
                    announcedAt = now;
                }
            } catch (RuntimeException e) {
                log.warn("heartbeat of run {} stage {} failed: {}", command.runId(), command.stage().slug(),
                        e.getMessage());
            }
        }
    }

    /** Jobs running now on this instance. */
    public int runningJobs() {
        return jobs.getActiveCount();
    }

    @PreDestroy
    void shutdown() {
        heartbeats.shutdownNow();
        jobs.shutdownNow();
    }

    /** The job stopped without an answer: the run no longer wants one, or the service is stopping. */
    private static final class JobAbandoned extends RuntimeException {
        JobAbandoned(String message) {
            super(message);
        }
    }
}
