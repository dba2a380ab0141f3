package io.tradingedu.api.dashboard;

import io.tradingedu.shared.pipeline.PipelineStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Statistics page's numbers, from four aggregate statements: api-service's own catalogue
 * ({@code media.media_item}) and the orchestrator's published {@code pipeline.run_progress_v1} (the only pipeline
 * data api-service may read, docs/database.md). Bounded: stage figures and failures cover the runs of the last
 * {@code window}, the failure list is limited, and every statement is cancelled after {@code queryTimeout}.
 */
@Component
class DashboardStatsReader {

    private static final String VIEW = "pipeline.run_progress_v1";
    private static final String SECONDS = "extract(epoch FROM finished_at - started_at)";
    private static final String DONE = "FILTER (WHERE stage_status = 'SUCCEEDED')";

    private final JdbcTemplate jdbc;
    private final DashboardStatsProperties properties;
    private final Clock clock;

    DashboardStatsReader(DataSource dataSource, DashboardStatsProperties properties, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(Math.toIntExact(properties.queryTimeout().toSeconds()));
        this.properties = properties;
        this.clock = clock;
    }

    DashboardStats read() {
        Instant since = clock.instant().minus(properties.window());
        Map<String, Long> media = new LinkedHashMap<>();
        jdbc.query("SELECT status, count(*) FROM media.media_item GROUP BY status ORDER BY status",
                rs -> {
                    media.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
                });
        long total = media.values().stream().mapToLong(Long::longValue).sum();
        List<DashboardStats.StageStats> stages;
        List<DashboardStats.Failure> failures;
        DashboardStats.BacktestQueue queue;
        try {
            stages = stages(since);
            failures = failures(since);
            queue = backtestQueue();
        } catch (BadSqlGrammarException notYet) {
            // the orchestrator has not created its schema yet: nothing has run
            stages = stagesFrom(Map.of());
            failures = List.of();
            queue = DashboardStats.BacktestQueue.of(0, 0, 0);
        }
        return new DashboardStats(media, total, since, properties.window(), stages, failures, queue);
    }

    private List<DashboardStats.StageStats> stages(Instant since) {
        Map<PipelineStage, DashboardStats.StageStats> found = new HashMap<>();
        jdbc.query("SELECT stage,"
                + " count(*) " + DONE + " AS succeeded,"
                + " count(*) FILTER (WHERE stage_status = 'FAILED') AS failed,"
                + " count(*) FILTER (WHERE stage_status = 'RUNNING') AS running,"
                + " count(*) FILTER (WHERE run_status IN ('PENDING', 'RUNNING') AND current_stage = stage"
                + "   AND stage_status IN ('PENDING', 'RETRY_WAIT')) AS waiting,"
                + " count(*) FILTER (WHERE stage_status = 'CANCELLED') AS cancelled,"
                + " avg(" + SECONDS + ") " + DONE + " AS average,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY " + SECONDS + ") " + DONE + " AS median,"
                + " percentile_cont(0.95) WITHIN GROUP (ORDER BY " + SECONDS + ") " + DONE + " AS p95,"
                + " max(" + SECONDS + ") " + DONE + " AS longest"
                + " FROM " + VIEW + " WHERE run_created_at >= ? GROUP BY stage",
                rs -> {
                    PipelineStage stage = PipelineStage.fromName(rs.getString("stage"));
                    found.put(stage, new DashboardStats.StageStats(stage.number(), stage.slug(),
                            rs.getLong("succeeded"), rs.getLong("failed"), rs.getLong("running"),
                            rs.getLong("waiting"), rs.getLong("cancelled"),
                            new DashboardStats.Durations(decimal(rs, "average"), decimal(rs, "median"),
                                    decimal(rs, "p95"), decimal(rs, "longest"))));
                }, Timestamp.from(since));
        return stagesFrom(found);
    }

    /** Every stage in pipeline order, a stage no run reached in the window with zeros. */
    private static List<DashboardStats.StageStats> stagesFrom(Map<PipelineStage, DashboardStats.StageStats> found) {
        List<DashboardStats.StageStats> stages = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.values()) {
            stages.add(found.getOrDefault(stage, new DashboardStats.StageStats(stage.number(), stage.slug(), 0, 0, 0,
                    0, 0, new DashboardStats.Durations(null, null, null, null))));
        }
        return stages;
    }

    private List<DashboardStats.Failure> failures(Instant since) {
        return jdbc.query("SELECT p.media_id, m.filename, p.run_id, p.stage, p.attempt, p.error_reason,"
                        + " coalesce(p.finished_at, p.started_at) AS failed_at"
                        + " FROM " + VIEW + " p LEFT JOIN media.media_item m ON m.id = p.media_id"
                        + " WHERE p.stage_status = 'FAILED' AND p.run_created_at >= ?"
                        + " ORDER BY failed_at DESC NULLS LAST LIMIT ?",
                (rs, i) -> {
                    PipelineStage stage = PipelineStage.fromName(rs.getString("stage"));
                    Timestamp at = rs.getTimestamp("failed_at");
                    return new DashboardStats.Failure(rs.getObject("media_id", UUID.class), rs.getString("filename"),
                            rs.getObject("run_id", UUID.class), stage.number(), stage.slug(), rs.getInt("attempt"),
                            rs.getString("error_reason"), at == null ? null : at.toInstant());
                }, Timestamp.from(since), properties.failures());
    }

    /** Over every active run, whatever its age: a queue is what waits now. */
    private DashboardStats.BacktestQueue backtestQueue() {
        String backtest = PipelineStage.BACKTEST.name();
        return jdbc.queryForObject("SELECT"
                        + " count(*) FILTER (WHERE stage_status = 'RUNNING') AS running,"
                        + " count(*) FILTER (WHERE current_stage = stage AND stage_status IN ('PENDING', 'RETRY_WAIT'))"
                        + "   AS waiting,"
                        + " count(*) FILTER (WHERE current_stage IS DISTINCT FROM stage AND stage_status = 'PENDING')"
                        + "   AS upstream"
                        + " FROM " + VIEW + " WHERE stage = ? AND run_status IN ('PENDING', 'RUNNING')",
                (rs, i) -> DashboardStats.BacktestQueue.of(rs.getLong("running"), rs.getLong("waiting"),
                        rs.getLong("upstream")), backtest);
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 1000) / 1000.0;
    }
}
