package io.tradingedu.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Statistics figures are shared for max-age: a burst of page reads costs one set of aggregate statements. */
class RecentStatsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void readsAreSharedWithinMaxAgeAndRepeatedAfterIt() {
        DashboardStatsReader reader = mock(DashboardStatsReader.class);
        DashboardStats first = mock(DashboardStats.class);
        DashboardStats second = mock(DashboardStats.class);
        when(reader.read()).thenReturn(first, second);
        RecentStats stats = new RecentStats(reader,
                new DashboardStatsProperties(null, null, null, Duration.ofSeconds(2)), clock);

        assertThat(stats.get()).isSameAs(first);
        now.set(now.get().plusMillis(1999));
        assertThat(stats.get()).isSameAs(first);
        verify(reader, times(1)).read();

        now.set(now.get().plusMillis(1));
        assertThat(stats.get()).isSameAs(second);
        verify(reader, times(2)).read();
    }

    @Test
    void aFailedReadIsSharedWithinMaxAgeAndTriedAgainAfterIt() {
        DashboardStatsReader reader = mock(DashboardStatsReader.class);
        DashboardStats recovered = mock(DashboardStats.class);
        IllegalStateException down = new IllegalStateException("the database cannot be reached");
        when(reader.read()).thenThrow(down).thenReturn(recovered);
        RecentStats stats = new RecentStats(reader,
                new DashboardStatsProperties(null, null, null, Duration.ofSeconds(2)), clock);

        assertThatThrownBy(stats::get).isSameAs(down);
        assertThatThrownBy(stats::get).isSameAs(down);
        verify(reader, times(1)).read();

        now.set(now.get().plusSeconds(2));
        assertThat(stats.get()).isSameAs(recovered);
    }
}
