package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.StageCommand;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check interval while one job works: stops the job (interrupting its thread) when the run no longer wants
 * the result or the job ran past its time limit; every heartbeat interval, or soon after the job's progress message
 * changed, tells the orchestrator how far the job got, which renews the stage's lease.
 */
final class JobHeartbeat implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JobHeartbeat.class);
    private static final long MIN_GAP_SECONDS = 2;

    private final StageCommand command;
    private final Thread worker;
    private final RunLiveness liveness;
    private final ProgressPublisher publisher;
    private final MediaWorkProperties properties;
    private final Clock clock;
    private final Instant started;
    private volatile String latest = "started";
    private volatile String stopReason;
    private volatile boolean overtime;
    private boolean finished;
    private String announced;
    private Instant announcedAt;

    JobHeartbeat(StageCommand command, Thread worker, RunLiveness liveness, ProgressPublisher publisher,
                 MediaWorkProperties properties, Clock clock) {
        this.command = command;
        this.worker = worker;
        this.liveness = liveness;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.started = clock.instant();
    }

    void progress(String message) {
        latest = message;
    }

    /** The job's {@link Checkpoint}. */
    void checkpoint() throws InterruptedException {
        if (stopReason != null) {
            // the interrupt that stopped us is consumed here, so that clean-up code can still wait for its processes
            Thread.interrupted();
            throw new StageCancelledException(stopReason);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("stage work interrupted");
        }
    }

    String stopReason() {
        return stopReason;
    }

    boolean overtime() {
        return overtime;
    }

    /** The job ended: no interrupt may reach its thread (which goes on with other jobs) after this. */
    synchronized void finish() {
        finished = true;
        Thread.interrupted();
    }

    @Override
    public void run() {
        try {
            if (stopReason != null) {
                return;
            }
            if (!clock.instant().isBefore(started.plus(properties.maxJobDuration()))) {
                overtime = true;
                stop("the job ran longer than " + properties.maxJobDuration());
                return;
            }
            if (!liveness.wantsResult(command)) {
                stop("the run was cancelled, deleted or got this stage's result elsewhere while the "
                        + command.stage().slug() + " stage ran");
                return;
            }
            announce();
        } catch (RuntimeException e) {
            log.warn("heartbeat of run {} stage {} failed: {}", command.runId(), command.stage().slug(),
                    e.getMessage());
        }
    }

    private synchronized void stop(String reason) {
        stopReason = reason;
        if (!finished) {
            worker.interrupt();
        }
    }

    private void announce() {
        Instant now = clock.instant();
        String message = latest;
        boolean due = announcedAt == null || !now.isBefore(announcedAt.plus(properties.heartbeatInterval()));
        boolean changed = announcedAt != null && !message.equals(announced)
                && now.isAfter(announcedAt.plusSeconds(MIN_GAP_SECONDS));
        if (due || changed) {
            publisher.publish(command, message);
            announced = message;
            announcedAt = now;
        }
    }
}
