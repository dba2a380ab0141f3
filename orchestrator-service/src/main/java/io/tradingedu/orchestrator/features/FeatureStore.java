package io.tradingedu.orchestrator.features;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A media item's feature set in {@code analysis.feature_set}; stage 7 replaces it, api-service reads the view. */
@Component
class FeatureStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    FeatureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the item's set; call inside the stage's reply transaction. */
    void replace(UUID mediaId, UUID runId, FeatureSet set, Instant now) {
        jdbc.update("""
                INSERT INTO analysis.feature_set (media_id, run_id, version, features, notes, computed_at)
                VALUES (?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)
                ON CONFLICT (media_id) DO UPDATE SET run_id = excluded.run_id, version = excluded.version,
                    features = excluded.features, notes = excluded.notes, computed_at = excluded.computed_at""",
                mediaId, runId, set.version(), JSON.writeValueAsString(set.values()),
                JSON.writeValueAsString(set.notes()), Timestamp.from(now));
    }
}
