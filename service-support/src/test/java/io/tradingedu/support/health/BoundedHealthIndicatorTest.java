package io.tradingedu.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

class BoundedHealthIndicatorTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger checks = new AtomicInteger();

    /** A check that hangs until the test releases it, like a validation query to a host that vanished. */
    private final HealthIndicator hanging = () -> {
        checks.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finished.countDown();
        return Health.up().build();
    };

    @AfterEach
    void releaseHangingChecks() {
        release.countDown();
    }

    @Test
    void aHangingCheckIsDownInsteadOfHangingTheCaller() {
        var bounded = new BoundedHealthIndicator("dbHealthContributor", hanging, Duration.ofMillis(50));

        Health health = bounded.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "dbHealthContributor gave no answer within 50 ms");
    }

    @Test
    void laterCallsWaitForTheHangingCheckInsteadOfStartingMore() {
        var bounded = new BoundedHealthIndicator("db", hanging, Duration.ofMillis(20));

        bounded.health(true);
        bounded.health(true);
        bounded.health(true);

        assertThat(checks).hasValue(1);
    }

    @Test
    void isUpAgainOnceTheHangingCheckCompletes() throws InterruptedException {
        var bounded = new BoundedHealthIndicator("db", hanging, Duration.ofSeconds(1));
        assertThat(bounded.health(true).getStatus()).isEqualTo(Status.DOWN);

        release.countDown();
        finished.await();

        // the hanging check is over: the next call takes its answer, or starts a fresh check that answers at once
        assertThat(bounded.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(bounded.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void passesTheCheckResultAndItsFailuresThrough() {
        HealthIndicator down = () -> Health.down().withDetail("error", "connection refused").build();
        HealthIndicator throwing = () -> {
            throw new IllegalStateException("driver bug");
        };

        assertThat(new BoundedHealthIndicator("db", down, Duration.ofSeconds(30)).health(true).getDetails())
                .containsEntry("error", "connection refused");
        Health failed = new BoundedHealthIndicator("db", throwing, Duration.ofSeconds(30)).health(true);
        assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failed.getDetails()).containsEntry("error", "java.lang.IllegalStateException: driver bug");
    }
}
