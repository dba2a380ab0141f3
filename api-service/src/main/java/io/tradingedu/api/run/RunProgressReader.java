package io.tradingedu.api.run;

import io.tradingedu.shared.pipeline.PipelineStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads run progress through {@code pipeline.run_progress_v1}, the view orchestrator-service publishes as a contract.
 */
@Component
public class RunProgressReader {

    private final JdbcTemplate jdbc;

    RunProgressReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RunProgress read(UUID runId) {
        List<Row> rows;
        try {
            rows = jdbc.query("SELECT * FROM pipeline.run_progress_v1 WHERE run_id = ? ORDER BY position",
                    (rs, i) -> Row.of(rs), runId);
        } catch (DataAccessException e) {
            // The orchestrator has not created its schema yet: nothing has run.
            return RunProgress.pending(runId);
        }
        if (rows.isEmpty()) {
            return RunProgress.pending(runId);
        }
        Row first = rows.getFirst();
        List<RunProgress.Stage> stages = new ArrayList<>();
        for (Row r : rows) {
            PipelineStage stage = PipelineStage.fromName(r.stage());
            stages.add(new RunProgress.Stage(stage.number(), stage.slug(), lower(r.stageStatus()), r.attempt(),
                    r.startedAt(), r.finishedAt(),
                    r.startedAt() == null || r.finishedAt() == null ? null
                            : Duration.between(r.startedAt(), r.finishedAt()).toMillis(),
                    r.error(), r.summary(), r.progress()));
        }
        return new RunProgress(runId, lower(first.runStatus()),
                first.currentStage() == null ? null : PipelineStage.fromName(first.currentStage()).slug(),
                first.failureReason(), first.runCreatedAt(), first.runFinishedAt(), stages);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private record Row(String runStatus, String currentStage, String failureReason, Instant runCreatedAt,
                       Instant runFinishedAt, String stage, String stageStatus, int attempt, Instant startedAt,
                       Instant finishedAt, String error, String summary, String progress) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString("run_status"), rs.getString("current_stage"), rs.getString("failure_reason"),
                    instant(rs, "run_created_at"), instant(rs, "run_finished_at"), rs.getString("stage"),
                    rs.getString("stage_status"), rs.getInt("attempt"), instant(rs, "started_at"),
                    instant(rs, "finished_at"), rs.getString("error_reason"), rs.getString("summary"),
                    optional(rs, "progress"));
        }

        /** A column the view gained later; an orchestrator that has not migrated yet does not have it. */
        private static String optional(ResultSet rs, String column) throws SQLException {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnName(i).equalsIgnoreCase(column)) {
                    return rs.getString(i);
                }
            }
            return null;
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }
    }
}
