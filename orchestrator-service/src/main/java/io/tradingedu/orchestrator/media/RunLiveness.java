package io.tradingedu.orchestrator.media;

import io.tradingedu.shared.pipeline.StageCommand;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the run a worker is busy for still wants this stage's result: the run is running and the stage is still
 * waiting for a result (not done by another attempt, not cancelled). Read from the run tables directly: the workers
 * live in the service that owns them, also on worker-only instances.
 */
@Component
public class RunLiveness {

    private static final String QUERY = """
            SELECT s.status FROM pipeline.pipeline_run r
            JOIN pipeline.stage_execution s ON s.run_id = r.id AND s.stage = ?
            WHERE r.id = ? AND r.status = 'RUNNING'""";

    private final JdbcTemplate jdbc;

    RunLiveness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean wantsResult(StageCommand command) {
        return waiting(jdbc.queryForList(QUERY, String.class, command.stage().name(), command.runId()));
    }

    /**
     * The same question inside the reply transaction, holding a share lock on the run until it commits: a cancel or
     * a deletion of the media item waits for the writes, or the writes see that it happened and are skipped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean wantsResultLocked(StageCommand command) {
        return waiting(jdbc.queryForList(QUERY + " FOR SHARE OF r", String.class, command.stage().name(),
                command.runId()));
    }

    private static boolean waiting(List<String> stageStatus) {
        return !stageStatus.isEmpty()
                && ("RUNNING".equals(stageStatus.getFirst()) || "RETRY_WAIT".equals(stageStatus.getFirst()));
    }
}
