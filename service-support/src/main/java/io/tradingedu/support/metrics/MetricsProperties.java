package io.tradingedu.support.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How gauges read from the database behave ({@code tradingedu.metrics.*}; env {@code METRICS_DATABASE_GAUGE_TTL},
 * {@code METRICS_DATABASE_GAUGE_TIMEOUT}).
 *
 * @param databaseGaugeTtl     how long one query's answer serves scrapes: several gauges share one query, and
 *                             several scrapers (or a refreshing dashboard) cost one query per interval at most
 * @param databaseGaugeTimeout the longest such a query may run (a statement timeout); a gauge whose query failed
 *                             or timed out reports NaN until the next query succeeds, and the scrape still answers
 */
@ConfigurationProperties("tradingedu.metrics")
public record MetricsProperties(@DefaultValue("5s") Duration databaseGaugeTtl,
                                @DefaultValue("2s") Duration databaseGaugeTimeout) {

    public MetricsProperties {
        if (databaseGaugeTtl.isNegative()) {
            throw new IllegalArgumentException("tradingedu.metrics.database-gauge-ttl must not be negative; got "
                    + databaseGaugeTtl);
        }
        if (databaseGaugeTimeout.toSeconds() < 1 || databaseGaugeTimeout.compareTo(Duration.ofSeconds(30)) > 0) {
            // JDBC query timeouts count whole seconds
            throw new IllegalArgumentException("tradingedu.metrics.database-gauge-timeout must lie between 1s and "
                    + "30s; got " + databaseGaugeTimeout);
        }
    }
}
