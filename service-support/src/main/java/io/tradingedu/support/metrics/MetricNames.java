package io.tradingedu.support.metrics;

import java.util.List;
import java.util.Set;

/**
 * The suite's own meters (Micrometer names; Prometheus shows {@code tradingedu.outbox.oldest.age} in seconds as
 * {@code tradingedu_outbox_oldest_age_seconds}, counters with {@code _total}, timers with {@code _seconds_count},
 * {@code _sum}, {@code _max} and {@code _bucket}), and every Prometheus series name the dashboards and alert rules in
 * {@code deploy/observability/} may use. One list, so that a dashboard cannot ask for a series nobody exposes
 * ({@code MetricNamesInDashboardsTest}); docs/observability.md explains each.
 */
public final class MetricNames {

    /** Outbox rows neither published nor parked (gauge, per service). */
    public static final String OUTBOX_BACKLOG = "tradingedu.outbox.backlog";
    /** Age of the oldest such row, seconds; 0 when there is none (gauge). */
    public static final String OUTBOX_OLDEST_AGE = "tradingedu.outbox.oldest.age";
    /** Rows parked because the broker can never take them, with the rows held behind them (gauge). */
    public static final String OUTBOX_PARKED = "tradingedu.outbox.parked";
    /** Records the listeners' error handler sent to {@code <topic>-dlt}, tag {@code topic} (the original topic). */
    public static final String DEAD_LETTERS = "tradingedu.messaging.dead.letters";
    /** A pipeline stage from its first attempt's start to its end; tags {@code stage}, {@code outcome}. */
    public static final String STAGE_DURATION = "tradingedu.pipeline.stage.duration";
    /** Failed stage attempts that will be tried again (worker failures and expired leases); tag {@code stage}. */
    public static final String STAGE_RETRIES = "tradingedu.pipeline.stage.retries";
    /** Pipeline runs by {@code status} (gauge, from the database). */
    public static final String RUNS = "tradingedu.pipeline.runs";
    /** Runs running for longer than {@code pipeline.metrics.stuck-after} (gauge). */
    public static final String RUNS_STUCK = "tradingedu.pipeline.runs.stuck";
    /** Backtest jobs by {@code status}: queued, running (gauge, from the database). */
    public static final String BACKTEST_JOBS = "tradingedu.backtest.jobs";
    /** A backtest job from its start to its end; tags {@code kind}, {@code outcome}. */
    public static final String BACKTEST_JOB_DURATION = "tradingedu.backtest.job.duration";

    /**
     * Prometheus series names (without {@code _bucket}, {@code _count}, {@code _sum}, {@code _max}, {@code _total},
     * {@code _created}) that the services expose: ours above, and those of Spring Boot, Micrometer and the Kafka
     * client that the dashboards use.
     */
    public static final Set<String> PROMETHEUS = Set.copyOf(List.of(
            "tradingedu_outbox_backlog",
            "tradingedu_outbox_oldest_age_seconds",
            "tradingedu_outbox_parked",
            "tradingedu_messaging_dead_letters",
            "tradingedu_pipeline_stage_duration_seconds",
            "tradingedu_pipeline_stage_retries",
            "tradingedu_pipeline_runs",
            "tradingedu_pipeline_runs_stuck",
            "tradingedu_backtest_jobs",
            "tradingedu_backtest_job_duration_seconds",
            // Prometheus itself, per scrape target
            "up",
            // Spring MVC (histogram buckets: management.metrics.distribution.percentiles-histogram)
            "http_server_requests_seconds",
            // Kafka consumers and producers (KafkaClientMetrics, bound by Boot to its consumer/producer factories)
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_consumer_fetch_manager_records_consumed",
            "kafka_producer_record_send",
            "kafka_producer_record_error",
            // spring-kafka observations
            "spring_kafka_listener_seconds",
            "spring_kafka_template_seconds",
            // JVM, process, connection pool
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "process_uptime_seconds",
            "hikaricp_connections_active",
            "hikaricp_connections_pending",
            "hikaricp_connections_max",
            "hikaricp_connections_timeout"));

    private MetricNames() {
    }

    /** Whether a series name is one of {@link #PROMETHEUS}, possibly with a suffix Prometheus adds. */
    public static boolean exposed(String series) {
        if (PROMETHEUS.contains(series)) {
            return true;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max", "_total", "_created")) {
            String base = series.substring(0, Math.max(0, series.length() - suffix.length()));
            if (series.endsWith(suffix) && PROMETHEUS.contains(base)) {
                return true;
            }
        }
        return false;
    }
}
