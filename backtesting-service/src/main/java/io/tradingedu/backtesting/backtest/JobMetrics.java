package io.tradingedu.backtesting.backtest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tradingedu.support.metrics.CommittedMeasurements;
import io.tradingedu.support.metrics.DatabaseGauges;
import io.tradingedu.support.metrics.MetricNames;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Backtest jobs as metrics: the queue by status (queued, running; a gauge read from the database, so every instance
 * reports the shared queue) and each job's run time from its start to its end by {@code kind} (backtest, optimize)
 * and {@code outcome} (completed, failed, cancelled). Jobs that end through the entity (run at once, for the
 * pipeline, cancelled) are seen by this listener of {@link Backtest} rows, which are stored in an end state once;
 * queued jobs end through {@link JobLeases#finish}, which reports here. A job cancelled before it started has no run
 * time and is not timed.
 */
@Component
class JobMetrics implements MeterBinder {

    private final MeterRegistry registry;
    private final DatabaseGauges gauges;

    JobMetrics(MeterRegistry registry, DatabaseGauges gauges) {
        this.registry = registry;
        this.gauges = gauges;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        var queue = gauges.snapshot("backtest jobs by status", jdbc -> {
            Map<String, Long> counts = new java.util.HashMap<>(Map.of("QUEUED", 0L, "RUNNING", 0L));
            // the partial index backtest_unfinished covers exactly these rows
            jdbc.query("SELECT status, count(*) FROM backtest WHERE status IN ('QUEUED', 'RUNNING') GROUP BY status",
                    rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
            return counts;
        });
        for (BacktestStatus status : new BacktestStatus[] {BacktestStatus.QUEUED, BacktestStatus.RUNNING}) {
            Gauge.builder(MetricNames.BACKTEST_JOBS, queue, s -> s.value(counts -> counts.get(status.name())))
                    .description("backtest and optimisation jobs waiting or running, all instances")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(meters);
        }
    }

    @PostPersist
    @PostUpdate
    void stored(Backtest job) {
        if (!job.isFinished() || job.startedAt() == null || job.completedAt() == null) {
            return;
        }
        String outcome = job.status() == BacktestStatus.COMPLETED ? "completed"
                : job.error() != null && job.error().startsWith(Backtest.CANCELLED) ? "cancelled" : "failed";
        ended(job.id(), job.kind(), outcome, Duration.between(job.startedAt(), job.completedAt()));
    }

    /** A job ended; counted when the transaction around it (if any) commits, once per job. */
    void ended(java.util.UUID id, JobKind kind, String outcome, Duration took) {
        CommittedMeasurements.record(id, () -> timer(kind, outcome).record(took));
    }

    Timer timer(JobKind kind, String outcome) {
        return Timer.builder(MetricNames.BACKTEST_JOB_DURATION)
                .description("a backtest job from its start to its end")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
    }
}
