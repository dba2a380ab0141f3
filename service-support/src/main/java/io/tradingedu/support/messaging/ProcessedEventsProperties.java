package io.tradingedu.support.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the processed-event log remembers an event ({@code messaging.processed-events.*}).
 *
 * @param retention   how long a row is kept; a redelivery older than this would be handled again, so it must exceed
 *                    the topics' retention (Kafka's default is 7 days) and any dead-letter replay window; at least 1 day
 * @param pruneBatch  rows deleted per statement, so pruning never holds long locks or one huge transaction (1–100,000)
 */
@ConfigurationProperties("messaging.processed-events")
public record ProcessedEventsProperties(@DefaultValue("14d") Duration retention,
                                        @DefaultValue("5000") int pruneBatch) {

    public static final ProcessedEventsProperties DEFAULTS = new ProcessedEventsProperties(Duration.ofDays(14), 5000);

    public ProcessedEventsProperties {
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("messaging.processed-events.retention must be at least 1d; got "
                    + retention);
        }
        if (pruneBatch < 1 || pruneBatch > 100_000) {
            throw new IllegalArgumentException("messaging.processed-events.prune-batch must lie between 1 and 100000;"
                    + " got " + pruneBatch);
        }
    }
}
