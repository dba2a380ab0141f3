package io.tradingedu.support.messaging;

import io.tradingedu.shared.pipeline.PipelineMessages;
import io.tradingedu.shared.pipeline.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradingedu.support.metrics.MetricNames;
import io.tradingedu.support.outage.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error handler of every listener, and how it sorts failures:
 * <ul>
 *   <li>an unreadable message (not JSON, no known type, a deserialisation failure) goes to {@code <topic>-dlt} at
 *       once: no retry can read it;</li>
 *   <li>a transient failure ({@link TransientFailures}: the database down or busy, a peer refusing connections) is
 *       retried without limit, waiting longer each time up to {@link RetryProperties#maxInterval()}. The partition
 *       pauses on that message until the outage ends, and nothing goes to the dead letters meanwhile;</li>
 *   <li>any other failure is retried a few times quickly, then the message goes to {@code <topic>-dlt}.</li>
 * </ul>
 * Business failures never reach this: handlers turn them into failure events.
 */
final class ListenerErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ListenerErrorHandling.class);

    private ListenerErrorHandling() {
    }

    static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> kafka, RetryProperties retry) {
        return errorHandler(kafka, retry, null);
    }

    /** @param meters where dead letters are counted ({@link MetricNames#DEAD_LETTERS}); null counts nothing */
    static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> kafka, RetryProperties retry,
                                            MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetterTopic(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer, quickRetries(retry));
        handler.addNotRetryableExceptions(PipelineMessages.UnreadableMessageException.class);
        handler.setBackOffFunction((record, e) -> TransientFailures.isTransient(e) ? untilItPasses(retry) : null);
        handler.setRetryListeners(new OutageLog(meters));
        return handler;
    }

    private static BackOff quickRetries(RetryProperties retry) {
        var backOff = new ExponentialBackOffWithMaxRetries(retry.attempts());
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2_000);
        return backOff;
    }

    private static BackOff untilItPasses(RetryProperties retry) {
        var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        // no attempt or time limit: an outage of any length is waited out
        backOff.setMaxAttempts(Long.MAX_VALUE);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /** Says once per message, and then every tenth try, that a partition waits for an outage to end. */
    private static final class OutageLog implements RetryListener {

        private final MeterRegistry meters;

        OutageLog(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
            if (TransientFailures.isTransient(e) && (attempt == 1 || attempt % 10 == 0)) {
                log.warn("{}-{}@{} waits for a transient failure to pass (try {}): {}", record.topic(),
                        record.partition(), record.offset(), attempt, innermost(e));
            }
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception e) {
            log.warn("{}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), innermost(e));
            if (meters != null) {
                Counter.builder(MetricNames.DEAD_LETTERS).tag("topic", record.topic())
                        .description("records sent to <topic>-dlt after they could not be processed")
                        .register(meters).increment();
            }
        }

        private static String innermost(Throwable e) {
            Throwable cause = e;
            for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < 32; depth++) {
                cause = cause.getCause();
            }
            return cause.toString();
        }
    }
}
