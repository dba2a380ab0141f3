package io.tradingedu.embeddings.search;

import com.pgvector.PGvector;
import io.tradingedu.embeddings.passage.PassageKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two rankings the search fuses, each in one SQL query with the same filters: nearest vectors through the HNSW
 * index (with pgvector's iterative scan, so a selective filter still fills the top-k), and full-text matches of any of
 * the query's words ranked by cover density.
 */
@Component
class PassageRankings {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final SearchLimits limits;

    PassageRankings(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, SearchLimits limits) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.limits = limits;
    }

    List<Candidate> nearest(SearchQuery query, float[] vector, String model, int limit) {
        MapSqlParameterSource params = params(query, vector, model, limit);
        String cast = "vector(" + vector.length + ")";
        String sql = """
                SELECT %s, 1 - (embedding::%s <=> CAST(:vector AS %s)) AS similarity, NULL::float8 AS text_rank
                FROM embeddings.passage
                WHERE %s
                ORDER BY embedding::%s <=> CAST(:vector AS %s)
                LIMIT :limit""".formatted(COLUMNS, cast, cast, filters(query, vector.length), cast, cast);
        List<Candidate> found = readOnly.execute(status -> {
            // SET LOCAL takes no bind parameters; the value is an int from configuration
            jdbc.getJdbcTemplate().execute("SET LOCAL hnsw.ef_search = " + Math.max(limits.efSearch(), limit));
            jdbc.getJdbcTemplate().execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
            return jdbc.query(sql, params, ROW);
        });
        // relaxed order may return neighbours slightly out of order
        List<Candidate> sorted = new ArrayList<>(found == null ? List.of() : found);
        sorted.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return sorted;
    }

    List<Candidate> matching(SearchQuery query, float[] vector, String model, int limit) {
        MapSqlParameterSource params = params(query, vector, model, limit).addValue("text", query.text());
        String cast = "vector(" + vector.length + ")";
        // rank every match, then compute similarities only for the few kept
        String sql = """
                WITH ranked AS (
                    SELECT id, ts_rank_cd(text_search, words, 1) AS text_rank
                    FROM embeddings.passage,
                         CAST(replace(CAST(plainto_tsquery('english', :text) AS text), '&', '|') AS tsquery) AS words
                    WHERE text_search @@ words AND %s
                    ORDER BY text_rank DESC, id
                    LIMIT :limit)
                SELECT %s, 1 - (embedding::%s <=> CAST(:vector AS %s)) AS similarity, ranked.text_rank
                FROM ranked JOIN embeddings.passage USING (id)
                ORDER BY ranked.text_rank DESC, id""".formatted(filters(query, vector.length), COLUMNS, cast, cast);
        return jdbc.query(sql, params, ROW);
    }

    private static final String COLUMNS = "id, kind, media_id, source_id, start_seconds, end_seconds, text, keywords";

    private static String filters(SearchQuery query, int dimension) {
        List<String> where = new ArrayList<>();
        where.add("dimension = " + dimension);
        where.add("model = :model");
        if (query.kinds().size() < PassageKind.values().length) {
            where.add("kind IN (:kinds)");
        }
        if (query.mediaId() != null) {
            where.add("media_id = :mediaId");
        }
        if (query.keyword() != null) {
            where.add("keywords @> ARRAY[CAST(:keyword AS text)]");
        }
        if (query.category() != null) {
            where.add("categories @> ARRAY[CAST(:category AS text)]");
        }
        if (query.fromSeconds() != null) {
            where.add("end_seconds >= :fromSeconds");
        }
        if (query.toSeconds() != null) {
            where.add("start_seconds <= :toSeconds");
        }
        return String.join(" AND ", where);
    }

    private static MapSqlParameterSource params(SearchQuery query, float[] vector, String model, int limit) {
        return new MapSqlParameterSource()
                .addValue("vector", new PGvector(vector))
                .addValue("model", model)
                .addValue("limit", limit)
                .addValue("kinds", query.kinds().stream().map(PassageKind::label).toList())
                .addValue("mediaId", query.mediaId())
                .addValue("keyword", query.keyword() == null ? null : query.keyword().toLowerCase(Locale.ROOT))
                .addValue("category", query.category())
                .addValue("fromSeconds", query.fromSeconds())
                .addValue("toSeconds", query.toSeconds());
    }

    private static final RowMapper<Candidate> ROW = (rs, n) -> new Candidate(rs.getLong("id"), rs.getString("kind"),
            rs.getObject("media_id", UUID.class), rs.getObject("source_id", UUID.class),
            rs.getDouble("start_seconds"), rs.getDouble("end_seconds"), rs.getString("text"),
            strings(rs.getArray("keywords")), rs.getDouble("similarity"), textRank(rs));

    private static Double textRank(ResultSet rs) throws SQLException {
        double rank = rs.getDouble("text_rank");
        return rs.wasNull() ? null : rank;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
