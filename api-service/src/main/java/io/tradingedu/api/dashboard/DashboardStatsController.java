package io.tradingedu.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The numbers behind the dashboard's Statistics page, read-only ({@code read} scope like every GET). */
@RestController
@Tag(name = "Dashboard")
class DashboardStatsController {

    private final RecentStats stats;

    DashboardStatsController(RecentStats stats) {
        this.stats = stats;
    }

    @GetMapping("/dashboard/stats")
    @Operation(summary = "Media items by status, each stage's counts and durations, the latest failures with their "
            + "reasons, and the backtest stage's queue",
            description = "Stage figures and failures cover the runs created within DASHBOARD_STATS_WINDOW (30 days);"
                    + " at most DASHBOARD_STATS_FAILURES (20) failures are listed, newest first; each of the four "
                    + "aggregate statements is cancelled after DASHBOARD_STATS_QUERY_TIMEOUT (5 s); an answer is "
                    + "shared by the requests within DASHBOARD_STATS_MAX_AGE (2 s).")
    ResponseEntity<DashboardStats> stats() {
        // figures change with every run: never kept by a browser or proxy (the instance shares one for 2 s)
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(stats.get());
    }
}
