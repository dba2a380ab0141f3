package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A media item's extracted concepts in {@code analysis.concept}. Stage 5 replaces them. */
@Component
class ConceptStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    ConceptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UUID mediaId, List<Concept> concepts) {
        jdbc.update("DELETE FROM analysis.concept WHERE media_id = ?", mediaId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            Concept c = concepts.get(i);
            rows.add(new Object[] {UUID.randomUUID(), mediaId, i, c.kind(), c.name(),
                    JSON.writeValueAsString(c.details()), c.textForm(), c.start(), c.end(), c.quote(), c.confidence(),
                    c.source()});
        }
        jdbc.batchUpdate("""
                INSERT INTO analysis.concept (id, media_id, seq, kind, name, details, text_form, start_seconds,
                                              end_seconds, quote, confidence, source)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)""", rows);
    }
}
