package io.tradingedu.backtesting.backtest;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What this instance knows of one job it runs. Three different reasons stop a job, and they end it differently: a
 * cancel request stores the cancel (the row says so already); a lost lease stores nothing (the row is someone
 * else's); a job given back as the instance stops stores nothing either (the row is queued again). Keeping them apart
 * is what stops an orderly shutdown from recording a "cancelled" job.
 */
final class RunningJob {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile boolean givenBack;
    /** {@link System#nanoTime()} of the claim or of the last renewal that succeeded. */
    private volatile long renewedAt;

    RunningJob(long claimedAt) {
        this.renewedAt = claimedAt;
    }

    /** Read by the engine between variants and windows. */
    boolean shouldStop() {
        return cancelled.get() || lost.get() || givenBack;
    }

    /** A cancel request for this job reached this instance. */
    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * The row is no longer this instance's (cancelled elsewhere, or taken over after the lease ran out).
     *
     * @return true the first time only, so the loss is acted on once
     */
    boolean lose() {
        return lost.compareAndSet(false, true);
    }

    boolean isLost() {
        return lost.get();
    }

    /** The row went back to the queue as the instance stops; set only after it did (or could not). */
    void giveBack() {
        givenBack = true;
    }

    boolean isGivenBack() {
        return givenBack;
    }

    void renewed(long now) {
        renewedAt = now;
    }

    /** Whether the lease was last renewed (or claimed) more than {@code nanos} before {@code now}. */
    boolean renewedBefore(long now, long nanos) {
        return now - renewedAt > nanos;
    }
}
