package io.tradingedu.orchestrator.run;

import static io.tradingedu.shared.pipeline.PipelineStage.PROCESS_VIDEO;
import static io.tradingedu.shared.pipeline.PipelineStage.VALIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradingedu.shared.pipeline.PipelineStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What Prometheus shows of stages as they end: durations by stage and outcome, and retried attempts. */
class StageMetricsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final StagePolicy POLICY = new StagePolicy(Duration.ofMinutes(2), 2, Duration.ofSeconds(10), null);
    private static final Function<PipelineStage, StagePolicy> POLICIES = stage -> POLICY;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StageMetrics metrics = new StageMetrics(registry);
    private final PipelineRun run = new PipelineRun(UUID.randomUUID(), UUID.randomUUID(), "/media/a.mp4",
            List.of(VALIDATE, PROCESS_VIDEO), T0);

    @Test
    void succeededStageIsTimedFromItsStartAndARetriedAttemptCounted() {
        run.start(T0, POLICIES);
        metrics.updated(run.stage(VALIDATE));   // running: nothing to count yet
        run.recordSuccess(VALIDATE, 1, "ok", null, T0.plusSeconds(42), POLICIES);
        metrics.updated(run.stage(VALIDATE));

        run.recordFailure(PROCESS_VIDEO, 1, "ffmpeg crashed", true, T0.plusSeconds(50), POLICIES);
        metrics.updated(run.stage(PROCESS_VIDEO));
        run.onTimer(T0.plusSeconds(61), POLICIES);
        run.recordFailure(PROCESS_VIDEO, 2, "ffmpeg crashed again", false, T0.plusSeconds(42 + 600), POLICIES);
        metrics.updated(run.stage(PROCESS_VIDEO));

        String scrape = registry.scrape();
        String bucket = "tradingedu_pipeline_stage_duration_seconds_bucket{outcome=\"succeeded\",stage=\"validate\",";
        assertThat(scrape).contains(
                "tradingedu_pipeline_stage_duration_seconds_count{outcome=\"succeeded\",stage=\"validate\"} 1",
                "tradingedu_pipeline_stage_duration_seconds_sum{outcome=\"succeeded\",stage=\"validate\"} 42.0",
                bucket + "le=\"30.0\"} 0",
                bucket + "le=\"60.0\"} 1",
                // from the first attempt's start (at 42 s) to the final failure (at 642 s)
                "tradingedu_pipeline_stage_duration_seconds_sum{outcome=\"failed\",stage=\"process-video\"} 600.0",
                "tradingedu_pipeline_stage_retries_total{stage=\"process-video\"} 1.0");
        assertThat(scrape).doesNotContain("outcome=\"failed\",stage=\"validate\"");
    }

    @Test
    void cancelledStageIsTimedAsCancelled() {
        run.start(T0, POLICIES);
        run.cancel("not needed", T0.plusSeconds(7));
        metrics.updated(run.stage(VALIDATE));

        assertThat(registry.scrape()).contains(
                "tradingedu_pipeline_stage_duration_seconds_sum{outcome=\"cancelled\",stage=\"validate\"} 7.0");
    }
}
