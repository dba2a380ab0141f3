package io.tradingedu.orchestrator.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A media item's keyword hits in {@code analysis.keyword_hit}. Stage 3 replaces them; stage 4 reads them. */
@Component
public class KeywordStore {

    private final JdbcTemplate jdbc;

    KeywordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UUID mediaId, List<KeywordHit> hits, String lexiconVersion) {
        jdbc.update("DELETE FROM analysis.keyword_hit WHERE media_id = ?", mediaId);
        List<Object[]> rows = new ArrayList<>();
        for (KeywordHit h : hits) {
            rows.add(new Object[] {UUID.randomUUID(), mediaId, h.keyword(), h.category(), h.matchedText(), h.start(),
                    h.end(), h.confidence(), h.context(), h.source(), h.frameId(), lexiconVersion});
        }
        jdbc.batchUpdate("""
                INSERT INTO analysis.keyword_hit (id, media_id, keyword, category, matched_text, start_seconds,
                                                  end_seconds, confidence, context, source, frame_id, lexicon_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The item's hits in time order. */
    public List<KeywordHit> load(UUID mediaId) {
        return jdbc.query("""
                SELECT keyword, category, matched_text, start_seconds, end_seconds, confidence, context, source,
                       frame_id
                FROM analysis.keyword_hit WHERE media_id = ? ORDER BY start_seconds, keyword""",
                (rs, i) -> new KeywordHit(rs.getString("keyword"), rs.getString("category"),
                        rs.getString("matched_text"), rs.getDouble("start_seconds"), rs.getDouble("end_seconds"),
                        rs.getDouble("confidence"), rs.getString("context"), rs.getString("source"),
                        rs.getObject("frame_id", UUID.class)), mediaId);
    }
}
