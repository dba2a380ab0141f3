package io.tradingedu.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HealthAutoConfigurationTest {

    private final CountDownLatch never = new CountDownLatch(1);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HealthAutoConfiguration.class))
            .withBean("dbHealthContributor", HealthIndicator.class, () -> () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Health.up().build();
            });

    @Test
    void everyHealthIndicatorOfTheServiceAnswersWithinTheConfiguredTimeout() {
        contexts.withPropertyValues("health.check.timeout=50ms").run(context -> {
            Health health = context.getBean("dbHealthContributor", HealthIndicator.class).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "dbHealthContributor gave no answer within 50 ms");
            never.countDown();
        });
    }

    @Test
    void refusesATimeoutThatWouldLetReadinessHang() {
        contexts.withPropertyValues("health.check.timeout=10m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("health.check.timeout must lie between 1ms and 1m");
        });
        never.countDown();
    }
}
