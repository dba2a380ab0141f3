package io.tradingedu.api.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Statistics page's bounds (prefix {@code dashboard.stats}; docs/dashboard.md). Each can be set by an env var.
 *
 * @param window        stage counts, durations and failures cover the runs created within this time
 *                      ({@code DASHBOARD_STATS_WINDOW}, default 30 days), so the aggregates read a bounded slice of
 *                      the run history however long the suite has been running
 * @param failures      how many of the latest stage failures are listed ({@code DASHBOARD_STATS_FAILURES}, 20)
 * @param queryTimeout  each aggregate statement is cancelled after this ({@code DASHBOARD_STATS_QUERY_TIMEOUT}, 5 s)
 * @param maxAge        an answer is shared by every request within this time, and one read runs at a time per
 *                      instance ({@code DASHBOARD_STATS_MAX_AGE}, 2 s): however many pages are open, the aggregates
 *                      run at most once per this time
 */
@ConfigurationProperties("dashboard.stats")
public record DashboardStatsProperties(Duration window, Integer failures, Duration queryTimeout, Duration maxAge) {

    public DashboardStatsProperties {
        window = window == null ? Duration.ofDays(30) : window;
        failures = failures == null ? 20 : failures;
        queryTimeout = queryTimeout == null ? Duration.ofSeconds(5) : queryTimeout;
        maxAge = maxAge == null ? Duration.ofSeconds(2) : maxAge;
        if (maxAge.isNegative() || maxAge.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("dashboard.stats.max-age (DASHBOARD_STATS_MAX_AGE) must be 0..10m");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dashboard.stats.window (DASHBOARD_STATS_WINDOW) must be positive");
        }
        if (failures < 1 || failures > 200) {
            throw new IllegalArgumentException("dashboard.stats.failures (DASHBOARD_STATS_FAILURES) must be 1..200");
        }
        if (queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("dashboard.stats.query-timeout (DASHBOARD_STATS_QUERY_TIMEOUT) must be "
                    + "at least 1 s");
        }
    }
}
