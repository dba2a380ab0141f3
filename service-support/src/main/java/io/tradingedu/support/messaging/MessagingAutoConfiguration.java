package io.tradingedu.support.messaging;

import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import io.tradingedu.support.health.KafkaHealthIndicator;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the outbox, its relay, the processed-event log, Kafka error handling and the Kafka health check. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@EnableScheduling
public class MessagingAutoConfiguration {

    @Bean
    Outbox outbox(JdbcTemplate jdbc) {
        return new Outbox(jdbc);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    StageReplies stageReplies(Outbox outbox, ProcessedEvents processed, TransactionTemplate transactions) {
        return new StageReplies(outbox, processed, transactions);
    }

    @Bean
    @ConditionalOnProperty(name = "outbox.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                            @Value("${outbox.retention:7d}") Duration retention) {
        return new OutboxRelay(jdbc, kafka, transactions, retention);
    }

    /**
     * The one error handler of every listener: a few quick in-process retries for exceptions that may pass (a lost
     * database connection, an optimistic-lock conflict), then the record goes to {@code <topic>-dlt}. Unreadable
     * messages go there at once. Business failures never reach this: handlers turn them into failure events.
     */
    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetterTopic(record.topic()), -1));
        var backOff = new ExponentialBackOffWithMaxRetries(4);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2_000);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PipelineMessages.UnreadableMessageException.class);
        return handler;
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
