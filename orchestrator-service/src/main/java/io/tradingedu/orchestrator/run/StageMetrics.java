package io.tradingedu.orchestrator.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradingedu.support.metrics.CommittedMeasurements;
import io.tradingedu.support.metrics.MetricNames;
import jakarta.persistence.PostUpdate;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times each stage as it ends ({@link MetricNames#STAGE_DURATION}, tags {@code stage} and {@code outcome}: succeeded,
 * failed, cancelled; from the first attempt's start to the end, as the run shows it) and counts attempts that failed
 * and will be retried ({@link MetricNames#STAGE_RETRIES}). It listens to {@link StageExecution} rows: every way a
 * stage ends (a worker's answer, an expired lease, a cancel) passes through an update of that row, and a row is
 * updated into an end state only once. Counted only when the transaction commits.
 */
@Component
class StageMetrics {

    /** Buckets from a second to the longest media job (6 h): stages take milliseconds (features) to hours. */
    private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6)};

    private final MeterRegistry registry;

    StageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @PostUpdate
    void updated(StageExecution execution) {
        String stage = execution.getStage().slug();
        switch (execution.getStatus()) {
            case SUCCEEDED, FAILED, CANCELLED -> {
                Duration duration = execution.duration();
                if (duration != null) {
                    String outcome = execution.getStatus().name().toLowerCase(Locale.ROOT);
                    CommittedMeasurements.record(execution, () -> timer(stage, outcome).record(duration));
                }
            }
            case RETRY_WAIT -> CommittedMeasurements.record(execution, () -> retries(stage).increment());
            default -> { }
        }
    }

    Timer timer(String stage, String outcome) {
        return Timer.builder(MetricNames.STAGE_DURATION)
                .description("a pipeline stage from its first attempt's start to its end")
                .tag("stage", stage).tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    Counter retries(String stage) {
        return Counter.builder(MetricNames.STAGE_RETRIES)
                .description("failed stage attempts that are tried again (worker failures, expired leases)")
                .tag("stage", stage).register(registry);
    }
}
