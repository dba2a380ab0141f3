package io.tradingedu.api.keywords;

import io.tradingedu.api.support.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads keyword hits through {@code analysis.keyword_hits_v1}, the view orchestrator-service publishes as a contract.
 */
@Component
class KeywordReader {

    /** The most distinct keywords a summary lists; the lexicon has far fewer. */
    static final int MAX_SUMMARY_KEYWORDS = 1_000;

    private static final String COLUMNS = "id, media_id, keyword, category, matched_text, start_seconds, end_seconds, "
            + "confidence, context, source, frame_id, lexicon_version";

    private final JdbcTemplate jdbc;

    KeywordReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Paging.Page<KeywordHit> find(KeywordFilter filter, Paging paging) {
        Object[] arguments = filter.arguments().toArray();
        Long total = jdbc.queryForObject("SELECT count(*) FROM analysis.keyword_hits_v1" + filter.where(), Long.class,
                arguments);
        List<Object> pageArguments = new ArrayList<>(filter.arguments());
        pageArguments.add(paging.limit());
        pageArguments.add(paging.skip());
        List<KeywordHit> items = jdbc.query("SELECT " + COLUMNS + " FROM analysis.keyword_hits_v1" + filter.where()
                        + " ORDER BY media_id, start_seconds, id LIMIT ? OFFSET ?",
                (rs, i) -> hit(rs), pageArguments.toArray());
        return Paging.Page.of(total == null ? 0 : total, paging, items);
    }

    Optional<KeywordHit> get(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM analysis.keyword_hits_v1 WHERE id = ?", (rs, i) -> hit(rs), id)
                .stream().findFirst();
    }

    KeywordSummary summarise(UUID mediaId) {
        List<KeywordSummary.KeywordCount> keywords = jdbc.query("""
                SELECT keyword, category, count(*) AS hits, min(start_seconds) AS first_at
                FROM analysis.keyword_hits_v1 WHERE media_id = ?
                GROUP BY keyword, category ORDER BY hits DESC, keyword, category LIMIT ?""",
                (rs, i) -> new KeywordSummary.KeywordCount(rs.getString("keyword"), rs.getString("category"),
                        rs.getLong("hits"), rs.getDouble("first_at")), mediaId, MAX_SUMMARY_KEYWORDS);
        List<KeywordSummary.CategoryCount> categories = jdbc.query("""
                SELECT category, count(*) AS hits FROM analysis.keyword_hits_v1 WHERE media_id = ?
                GROUP BY category ORDER BY hits DESC, category""",
                (rs, i) -> new KeywordSummary.CategoryCount(rs.getString("category"), rs.getLong("hits")), mediaId);
        long total = categories.stream().mapToLong(KeywordSummary.CategoryCount::count).sum();
        return new KeywordSummary(mediaId, total, keywords, categories);
    }

    private static KeywordHit hit(ResultSet rs) throws SQLException {
        return new KeywordHit(rs.getObject("id", UUID.class), rs.getObject("media_id", UUID.class),
                rs.getString("keyword"), rs.getString("category"), rs.getString("matched_text"),
                rs.getDouble("start_seconds"), rs.getDouble("end_seconds"), rs.getDouble("confidence"),
                rs.getString("context"), rs.getString("source"), rs.getObject("frame_id", UUID.class),
                rs.getString("lexicon_version"));
    }
}
