package io.tradingedu.api.features;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads feature sets through {@code analysis.features_v1}, the view orchestrator-service publishes as a contract. */
@Component
class FeatureReader {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FeatureReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The item's one feature set (a fixed, small size), or empty while stage 7 has not stored it. */
    Optional<FeatureSet> find(UUID mediaId) {
        return jdbc.query("""
                SELECT media_id, run_id, version, features::text AS features, notes::text AS notes, computed_at
                FROM analysis.features_v1 WHERE media_id = ?""",
                (rs, i) -> new FeatureSet(rs.getObject("media_id", UUID.class), rs.getObject("run_id", UUID.class),
                        rs.getString("version"), json.readTree(rs.getString("features")),
                        json.readValue(rs.getString("notes"), new TypeReference<List<String>>() { }),
                        rs.getTimestamp("computed_at").toInstant()),
                mediaId).stream().findFirst();
    }
}
