package io.tradingedu.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tradingedu.support.health.KafkaHealthIndicator;
import io.tradingedu.support.metrics.DatabaseGauges;
import io.tradingedu.support.metrics.ObservabilityAutoConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the outbox, its relay, the processed-event log, Kafka error handling and the Kafka health check. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        ObservabilityAutoConfiguration.class})
@EnableScheduling
@EnableConfigurationProperties({RetryProperties.class, ProcessedEventsProperties.class})
public class MessagingAutoConfiguration {

    /** Present when Micrometer Tracing is (always, unless a service leaves it out). */
    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                ObjectProvider<ObservationRegistry> observations) {
        return new OutboxTracing(tracer.getIfAvailable(), propagator.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, OutboxTracing tracing) {
        return new Outbox(jdbc, tracing);
    }

    /** Backlog, oldest age and parked count of this service's outbox (docs/observability.md). */
    @Bean
    @ConditionalOnBean(DatabaseGauges.class)
    OutboxMetrics outboxMetrics(DatabaseGauges gauges) {
        return new OutboxMetrics(gauges);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, ProcessedEventsProperties properties) {
        return new ProcessedEvents(jdbc, properties);
    }

    @Bean
    StageReplies stageReplies(Outbox outbox, ProcessedEvents processed, TransactionTemplate transactions) {
        return new StageReplies(outbox, processed, transactions);
    }

    @Bean
    @ConditionalOnProperty(name = "outbox.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                            @Value("${outbox.retention:7d}") Duration retention, OutboxTracing tracing) {
        return new OutboxRelay(jdbc, kafka, transactions, retention, tracing);
    }

    /** The one error handler of every listener; how it sorts failures: {@link ListenerErrorHandling}. */
    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, RetryProperties retry,
                                          ObjectProvider<MeterRegistry> meters) {
        return ListenerErrorHandling.errorHandler(kafka, retry, meters.getIfAvailable());
    }

    @Bean(name = "kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
