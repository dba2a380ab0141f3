package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.shared.strategy.StrategyJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A media item's candidate strategies in {@code strategies.strategy}. Stage 8 replaces them (and with them any proven
 * entry, by the foreign key's cascade: the evidence is re-derived); stages 9 and 10 fill the other columns.
 */
@Component
class StrategyStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    StrategyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the candidates as s1, s2, … in order and returns their keys. */
    List<String> replace(UUID mediaId, UUID runId, List<Candidate> candidates, Instant now) {
        jdbc.update("DELETE FROM strategies.strategy WHERE media_id = ?", mediaId);
        List<Object[]> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            String key = key(i);
            keys.add(key);
            rows.add(new Object[] {UUID.randomUUID(), mediaId, runId, key, c.name(), c.source(),
                    StrategyJson.toJson(c.definition()), c.text(), JSON.writeValueAsString(c.assumed()),
                    JSON.writeValueAsString(c.evidence()), JSON.writeValueAsString(c.tuning()), Timestamp.from(now)});
        }
        jdbc.batchUpdate("""
                INSERT INTO strategies.strategy (id, media_id, run_id, key, name, source, definition, text_form, assumed,
                                                 evidence, tuning, created_at)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?)""",
                rows);
        return keys;
    }

    static String key(int index) {
        return "s" + (index + 1);
    }
}
