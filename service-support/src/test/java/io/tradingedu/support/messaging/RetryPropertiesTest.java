package io.tradingedu.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

class RetryPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(RetryProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Binding.class));

    @Test
    void defaultsBackOffFromHalfASecondToThirtySecondsAndRetriesOtherFailuresFourTimes() {
        contexts.run(context -> assertThat(context.getBean(RetryProperties.class))
                .isEqualTo(new RetryProperties(Duration.ofMillis(500), Duration.ofSeconds(30), 4)));
    }

    @Test
    void bindsTheSettings() {
        contexts.withPropertyValues("messaging.retry.initial-interval=1s", "messaging.retry.max-interval=1m",
                        "messaging.retry.attempts=2")
                .run(context -> assertThat(context.getBean(RetryProperties.class))
                        .isEqualTo(new RetryProperties(Duration.ofSeconds(1), Duration.ofMinutes(1), 2)));
    }

    @Test
    void refusesAWaitLongerThanAConsumerMayStayAwayFromPolling() {
        assertThatThrownBy(() -> new RetryProperties(Duration.ofMillis(500), Duration.ofMinutes(10), 4))
                .hasMessageContaining("messaging.retry.max-interval must lie between");
        assertThatThrownBy(() -> new RetryProperties(Duration.ZERO, Duration.ofSeconds(30), 4))
                .hasMessageContaining("messaging.retry.initial-interval must be positive");
    }
}
