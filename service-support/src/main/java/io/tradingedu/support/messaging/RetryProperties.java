package io.tradingedu.support.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the listeners' error handler retries ({@code messaging.retry.*}; env {@code MESSAGING_RETRY_*}).
 *
 * @param initialInterval the first wait after a transient failure (a database outage), doubled after each try
 * @param maxInterval     the longest wait between tries of a transient failure, which are retried without limit; it
 *                        must stay well below {@code max.poll.interval.ms} (5 min by default), since the consumer
 *                        waits in its poll loop
 * @param attempts        how often a message whose handler fails for another reason is retried (quickly, in case
 *                        the failure is one nobody classified) before it goes to {@code <topic>-dlt}
 */
@ConfigurationProperties("messaging.retry")
public record RetryProperties(@DefaultValue("500ms") Duration initialInterval,
                              @DefaultValue("30s") Duration maxInterval,
                              @DefaultValue("4") int attempts) {

    public RetryProperties {
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("messaging.retry.initial-interval must be positive; got "
                    + initialInterval);
        }
        if (maxInterval.compareTo(initialInterval) < 0 || maxInterval.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("messaging.retry.max-interval must lie between the initial interval ("
                    + initialInterval + ") and 2m; got " + maxInterval);
        }
        if (attempts < 0 || attempts > 20) {
            throw new IllegalArgumentException("messaging.retry.attempts must lie between 0 and 20; got " + attempts);
        }
    }
}
