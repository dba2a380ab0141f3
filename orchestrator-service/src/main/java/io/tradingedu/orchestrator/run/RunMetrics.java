package io.tradingedu.orchestrator.run;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tradingedu.shared.pipeline.RunStatus;
import io.tradingedu.support.metrics.DatabaseGauges;
import io.tradingedu.support.metrics.MetricNames;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Runs by status and stuck runs, as gauges read from the database (one grouped query, cached and bounded by
 * {@link DatabaseGauges}). Every status has its series, also at 0. Only the state machine's instances report them.
 */
@Component
@CoordinatorRole
@EnableConfigurationProperties(RunMetricsProperties.class)
class RunMetrics implements MeterBinder {

    private final DatabaseGauges gauges;
    private final RunMetricsProperties properties;

    RunMetrics(DatabaseGauges gauges, RunMetricsProperties properties) {
        this.gauges = gauges;
        this.properties = properties;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        var runs = gauges.snapshot("pipeline runs by status", jdbc -> {
            Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
            for (RunStatus status : RunStatus.values()) {
                counts.put(status, 0L);
            }
            jdbc.query("SELECT status, count(*) FROM pipeline_run GROUP BY status",
                    rs -> {
                        counts.put(RunStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            return counts;
        });
        for (RunStatus status : RunStatus.values()) {
            Gauge.builder(MetricNames.RUNS, runs, s -> s.value(counts -> counts.get(status)))
                    .description("pipeline runs by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }
        var stuck = gauges.snapshot("stuck pipeline runs", jdbc -> jdbc.queryForObject("""
                SELECT count(*) FROM pipeline_run
                WHERE status = 'RUNNING' AND updated_at < now() - make_interval(secs => ?)""",
                Long.class, (double) properties.stuckAfter().toSeconds()));
        Gauge.builder(MetricNames.RUNS_STUCK, stuck, s -> s.value(Long::doubleValue))
                .description("running pipeline runs whose state has not changed for pipeline.metrics.stuck-after")
                .strongReference(true)
                .register(registry);
    }
}
