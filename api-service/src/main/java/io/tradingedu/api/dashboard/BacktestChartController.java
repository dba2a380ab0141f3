package io.tradingedu.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A backtest's charts for the Strategies page, read through from backtesting-service (the page may contact only
 * api-service). A completed backtest never changes, so the answer may be kept privately for a while.
 */
@RestController
@Tag(name = "Dashboard")
class BacktestChartController {

    private final BacktestCharts charts;

    BacktestChartController(BacktestCharts charts) {
        this.charts = charts;
    }

    @GetMapping("/dashboard/backtests/{id}/chart")
    @Operation(summary = "A completed backtest's equity beside buy-and-hold, the bars of its range and its trades, "
            + "bounded (DASHBOARD_CHART_MAX_POINTS)", description = "404 for a backtest backtesting-service does not "
            + "hold, 409 while it has not completed, 503 when backtesting-service cannot be reached.")
    ResponseEntity<BacktestChart> chart(@PathVariable UUID id) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .body(charts.chart(id));
    }
}
