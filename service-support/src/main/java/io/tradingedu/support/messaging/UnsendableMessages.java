package io.tradingedu.support.messaging;

import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Tells a send failure that no retry can cure (the record is larger than the producer or the broker accepts, the topic
 * name is illegal or the topic does not exist, the record cannot be serialised) from one that passes (the broker is
 * down or busy). Everything not recognised as permanent counts as transient, so an unclassified failure delays
 * messages but never parks one by mistake.
 */
final class UnsendableMessages {

    private static final int MAX_REASON = 500;

    private final TopicProbe topics;

    UnsendableMessages(TopicProbe topics) {
        this.topics = topics;
    }

    /** Why {@code failure} can never succeed for a message to {@code topic}; empty when a later try may. */
    Optional<String> permanentReason(String topic, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
                return Optional.of(reason("record too large for the producer or broker", cause));
            }
            if (cause instanceof InvalidTopicException) {
                return Optional.of(reason("invalid topic", cause));
            }
            if (cause instanceof SerializationException || cause instanceof InvalidRecordException) {
                return Optional.of(reason("record cannot be serialised", cause));
            }
            if (cause instanceof TimeoutException && String.valueOf(cause.getMessage()).contains("not present in metadata")
                    && topics.reachableWithout(topic)) {
                // the same timeout as a broker outage; only a broker that answers can say the topic is missing
                return Optional.of("unknown topic: the broker answers but has no topic " + abbreviate(topic, 255)
                        + " and does not create it");
            }
        }
        return Optional.empty();
    }

    private static String reason(String what, Throwable cause) {
        return abbreviate(what + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), MAX_REASON);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Asks the broker about a topic after a metadata timeout. */
    @FunctionalInterface
    interface TopicProbe {

        /** True only when the broker answered and has no such topic; false when it is unreachable or has it. */
        boolean reachableWithout(String topic);
    }
}
