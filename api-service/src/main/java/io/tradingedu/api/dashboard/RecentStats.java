package io.tradingedu.api.dashboard;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The Statistics figures, read at most once per {@code dashboard.stats.max-age} per instance and one read at a time:
 * every open Statistics page reads again after a burst of run events, so without this a hundred pages meant a
 * hundred sets of aggregate statements at once.
 */
@Component
class RecentStats {

    private final DashboardStatsReader reader;
    private final DashboardStatsProperties properties;
    private final Clock clock;
    private DashboardStats last;
    private RuntimeException failure;
    private Instant readAt;

    RecentStats(DashboardStatsReader reader, DashboardStatsProperties properties, Clock clock) {
        this.reader = reader;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The last answer while it is younger than max-age, else a new read (callers meanwhile wait for it). A failed
     * read (the database down) is shared the same way: the callers queued behind it are answered with its failure
     * instead of each waiting out the pool's timeout in turn.
     */
    synchronized DashboardStats get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(properties.maxAge()))) {
            readAt = now;
            try {
                last = reader.read();
                failure = null;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return last;
    }
}
