package io.tradingedu.api.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Reads concepts through {@code analysis.concepts_v1}, the view orchestrator-service publishes as a contract. */
@Component
class ConceptReader {

    /** The most concepts one answer carries; stage 5 keeps fewer per video. */
    static final int MAX_CONCEPTS = 1_000;

    /** The kinds stage 5 extracts. */
    static final List<String> KINDS = List.of("indicator", "condition", "risk_rule", "chart_pattern", "timeframe",
            "direction", "instrument");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ConceptReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The item's concepts in order, at most {@link #MAX_CONCEPTS} + 1 so the caller can tell there were more. */
    List<Concept> conceptsOf(UUID mediaId, String kind) {
        List<Object> arguments = new ArrayList<>(List.of(mediaId));
        if (kind != null) {
            arguments.add(kind);
        }
        arguments.add(MAX_CONCEPTS + 1);
        return jdbc.query("""
                SELECT id, seq, kind, name, details::text AS details, text_form, start_seconds, end_seconds, quote,
                       confidence, source
                FROM analysis.concepts_v1 WHERE media_id = ?""" + (kind == null ? "" : " AND kind = ?")
                        + " ORDER BY seq LIMIT ?",
                (rs, i) -> new Concept(rs.getObject("id", UUID.class), rs.getInt("seq"), rs.getString("kind"),
                        rs.getString("name"), json.readTree(rs.getString("details")), rs.getString("text_form"),
                        rs.getDouble("start_seconds"), rs.getDouble("end_seconds"), rs.getString("quote"),
                        rs.getDouble("confidence"), rs.getString("source")),
                arguments.toArray());
    }
}
