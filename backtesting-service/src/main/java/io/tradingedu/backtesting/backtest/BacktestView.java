package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.BacktestReport;
import io.tradingedu.backtesting.engine.Metrics;
import io.tradingedu.backtesting.engine.SweepReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job and, once completed, its summary: metrics per tested period (trades and equity have their own endpoints) or
 * the ranked sweep.
 */
public record BacktestView(
        UUID id,
        JobKind kind,
        BacktestStatus status,
        UUID strategyId,
        UUID runId,
        BacktestJob request,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String error,
        MetricsView metrics,
        SweepReport sweep) {

    /** The metrics of every tested period, and the walk-forward summary when there is one. */
    public record MetricsView(List<PeriodMetrics> periods, BacktestReport.WindowSummary aggregate) {

        static MetricsView of(BacktestReport report) {
            return new MetricsView(report.periods().stream()
                    .map(p -> new PeriodMetrics(p.label(), p.from(), p.to(), p.metrics())).toList(),
                    report.aggregate());
        }
    }

    public record PeriodMetrics(String label, Instant from, Instant to, Metrics metrics) {
    }
}
