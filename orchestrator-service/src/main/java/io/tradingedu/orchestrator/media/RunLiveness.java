package io.tradingedu.orchestrator.media;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the run a worker is busy for still wants the result. Read from the run table directly: the workers live in
 * the service that owns it, also on worker-only instances.
 */
@Component
public class RunLiveness {

    private final JdbcTemplate jdbc;

    RunLiveness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True while the run exists and is neither cancelled nor finished. */
    public boolean wantsResult(UUID runId) {
        List<String> status = jdbc.queryForList("SELECT status FROM pipeline.pipeline_run WHERE id = ?", String.class,
                runId);
        return !status.isEmpty() && ("RUNNING".equals(status.getFirst()) || "PENDING".equals(status.getFirst()));
    }
}
