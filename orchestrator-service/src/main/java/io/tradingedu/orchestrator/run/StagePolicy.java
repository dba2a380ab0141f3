package io.tradingedu.orchestrator.run;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a stage's worker may take before the orchestrator assumes it died (the lease), how many attempts the
 * stage gets, and how long to wait before the next attempt (doubling each time, at most ten minutes).
 *
 * @param pickupTimeout for stages whose workers report progress: how long a dispatched command may wait for a worker
 *                      (behind other videos) before it counts as lost; the lease then runs from the worker's first
 *                      report. {@code null}: the lease runs from the dispatch.
 */
public record StagePolicy(Duration lease, int maxAttempts, Duration retryBackoff, Duration pickupTimeout) {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    public StagePolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** When a dispatched attempt counts as lost if no worker has said a word about it. */
    Instant firstDeadline(Instant dispatched) {
        return dispatched.plus(pickupTimeout != null ? pickupTimeout : lease);
    }

    /** When attempt {@code failedAttempt + 1} may start after {@code failedAttempt} failed at {@code now}. */
    Instant nextAttemptAt(Instant now, int failedAttempt) {
        long factor = 1L << Math.min(failedAttempt - 1, 20);
        Duration wait = retryBackoff.multipliedBy(factor);
        return now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
    }
}
