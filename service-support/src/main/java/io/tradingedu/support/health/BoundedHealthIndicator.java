package io.tradingedu.support.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health indicator that answers within its timeout, whatever the check it wraps does: past the timeout the
 * contributor is DOWN. A check that hangs (a socket read to a vanished host, a driver without a timeout) keeps its
 * one thread, and later calls wait for that same check again instead of starting another: hanging checks cannot
 * pile up threads, and the indicator is UP again as soon as a check completes well.
 */
final class BoundedHealthIndicator implements HealthIndicator {

    private final String name;
    private final HealthIndicator delegate;
    private final Duration timeout;
    private CompletableFuture<Health> running;

    BoundedHealthIndicator(String name, HealthIndicator delegate, Duration timeout) {
        this.name = name;
        this.delegate = delegate;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        return health(true);
    }

    @Override
    public Health health(boolean includeDetails) {
        CompletableFuture<Health> check = check(includeDetails);
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", name + " gave no answer within " + timeout.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted while checking " + name).build();
        }
    }

    /** The check still running from an earlier call, or a new one on its own virtual thread. */
    private synchronized CompletableFuture<Health> check(boolean includeDetails) {
        if (running == null || running.isDone()) {
            CompletableFuture<Health> check = new CompletableFuture<>();
            Thread.ofVirtual().name("health-" + name).start(() -> {
                try {
                    check.complete(delegate.health(includeDetails));
                } catch (Throwable t) {
                    check.completeExceptionally(t);
                }
            });
            running = check;
        }
        return running;
    }

    HealthIndicator delegate() {
        return delegate;
    }
}
