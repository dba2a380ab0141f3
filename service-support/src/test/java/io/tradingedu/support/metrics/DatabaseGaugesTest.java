package io.tradingedu.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Gauges from queries: one query per TTL for every gauge on it, NaN (not an exception) while it fails. */
class DatabaseGaugesTest {

    private final MutableClock clock = new MutableClock();
    private final DatabaseGauges gauges = new DatabaseGauges(
            // nothing listens on port 1: every connection attempt is refused at once
            new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://localhost:1/none", "u", "p")),
            new MetricsProperties(Duration.ofSeconds(5), Duration.ofSeconds(2)), clock);

    @Test
    void answerServesEveryGaugeUntilItIsOlderThanTheTtl() {
        AtomicInteger queries = new AtomicInteger();
        var snapshot = gauges.snapshot("count", jdbc -> queries.incrementAndGet());

        assertThat(snapshot.value(n -> n)).isEqualTo(1.0);
        assertThat(snapshot.value(n -> n * 10)).isEqualTo(10.0);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(snapshot.value(n -> n)).isEqualTo(1.0);
        clock.advance(Duration.ofMillis(1));
        assertThat(snapshot.value(n -> n)).isEqualTo(2.0);
    }

    @Test
    void unreachableDatabaseReadsNaNAndRecovers() {
        AtomicInteger tries = new AtomicInteger();
        var snapshot = gauges.snapshot("outbox", jdbc -> tries.incrementAndGet() == 1
                ? jdbc.queryForObject("SELECT 1", Integer.class) : 7);

        assertThat(snapshot.value(n -> n)).isNaN();
        clock.advance(Duration.ofSeconds(5));
        assertThat(snapshot.value(n -> n)).isEqualTo(7.0);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
