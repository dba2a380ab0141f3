package io.tradingedu.support.metrics;

import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/** What metrics and traces share in every service; the meters themselves live beside what they measure. */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@EnableConfigurationProperties(MetricsProperties.class)
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    DatabaseGauges databaseGauges(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
        return new DatabaseGauges(jdbc, properties, clock);
    }

    /**
     * No observation (and so no trace) per run of a {@code @Scheduled} method: the outbox relay runs five times a
     * second and the timekeeper every second, which would bury the traces of real requests. A message the relay
     * sends still joins the trace of the request that wrote it (the outbox keeps its {@code traceparent}).
     */
    @Bean
    ObservationPredicate noScheduledTaskObservations() {
        return (name, context) -> !(context instanceof ScheduledTaskObservationContext);
    }
}
