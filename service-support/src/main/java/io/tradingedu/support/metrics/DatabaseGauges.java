package io.tradingedu.support.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes gauges out of database queries that cannot hurt the scrape: each query runs with a statement timeout, its
 * answer is reused for a few seconds by every gauge built on it, and while the database cannot answer the gauges
 * report NaN (Prometheus shows the gap; the scrape itself still answers 200). Queries run on the scraping thread,
 * so nothing polls the database when nobody scrapes.
 */
public final class DatabaseGauges {

    private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock;

    public DatabaseGauges(JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout((int) properties.databaseGaugeTimeout().toSeconds());
        this.ttl = properties.databaseGaugeTtl();
        this.clock = clock;
    }

    /**
     * @param what  names the query in the log when it fails
     * @param query reads one snapshot; gauges take their values from it with {@link Snapshot#value}
     */
    public <T> Snapshot<T> snapshot(String what, Function<JdbcTemplate, T> query) {
        return new Snapshot<>(what, query);
    }

    /** One query's latest answer, refreshed when older than the TTL. */
    public final class Snapshot<T> {

        private final String what;
        private final Function<JdbcTemplate, T> query;
        private Instant readAt;
        private T latest;
        private boolean failing;

        private Snapshot(String what, Function<JdbcTemplate, T> query) {
            this.what = what;
            this.query = query;
        }

        /** A value of the latest answer, or NaN when the latest query failed. */
        public double value(ToDoubleFunction<T> of) {
            T current = current();
            return current == null ? Double.NaN : of.applyAsDouble(current);
        }

        private synchronized T current() {
            Instant now = clock.instant();
            if (readAt == null || !now.isBefore(readAt.plus(ttl))) {
                readAt = now;
                try {
                    latest = query.apply(jdbc);
                    if (failing) {
                        log.info("metrics query '{}' answers again", what);
                    }
                    failing = false;
                } catch (RuntimeException e) {
                    latest = null;
                    if (!failing) {
                        log.warn("metrics query '{}' failed; its gauges report NaN until it answers: {}", what,
                                e.toString());
                    }
                    failing = true;
                }
            }
            return latest;
        }
    }
}
