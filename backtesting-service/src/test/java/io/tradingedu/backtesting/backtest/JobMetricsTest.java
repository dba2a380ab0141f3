package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What Prometheus shows of backtest jobs as they end: run time by kind and outcome. */
class JobMetricsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JobMetrics metrics = new JobMetrics(registry, null);

    @Test
    void jobsAreTimedFromStartToEndByKindAndOutcome() {
        Backtest completed = started(JobKind.BACKTEST);
        completed.complete("{}", T0.plusMillis(2_500));
        Backtest failed = started(JobKind.OPTIMIZE);
        failed.fail("the range holds 1 bar", T0.plusSeconds(4));
        Backtest cancelled = started(JobKind.OPTIMIZE);
        cancelled.cancel(T0.plusSeconds(90));
        Backtest cancelledWhileQueued = Backtest.queued(JobKind.OPTIMIZE, null, "{}", null, T0);
        cancelledWhileQueued.cancel(T0.plusSeconds(1));
        Backtest running = started(JobKind.BACKTEST);

        for (Backtest job : new Backtest[] {completed, failed, cancelled, cancelledWhileQueued, running}) {
            metrics.stored(job);
        }

        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "tradingedu_backtest_job_duration_seconds_count{kind=\"backtest\",outcome=\"completed\"} 1",
                "tradingedu_backtest_job_duration_seconds_sum{kind=\"backtest\",outcome=\"completed\"} 2.5",
                "tradingedu_backtest_job_duration_seconds_sum{kind=\"optimize\",outcome=\"failed\"} 4.0",
                // only the one that ran: a job cancelled in the queue has no run time
                "tradingedu_backtest_job_duration_seconds_count{kind=\"optimize\",outcome=\"cancelled\"} 1",
                "tradingedu_backtest_job_duration_seconds_sum{kind=\"optimize\",outcome=\"cancelled\"} 90.0");
        assertThat(scrape).doesNotContain("kind=\"backtest\",outcome=\"failed\"");
    }

    private static Backtest started(JobKind kind) {
        Backtest job = Backtest.queued(kind, UUID.randomUUID(), "{}", null, T0);
        job.start(T0);
        return job;
    }
}
