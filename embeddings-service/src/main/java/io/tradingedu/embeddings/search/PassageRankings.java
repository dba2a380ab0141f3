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
 * The rankings the search fuses, each in one SQL query with the same filters: nearest vectors through the HNSW index
 * (with pgvector's iterative scan, so a selective filter still fills the top-k), full-text matches of any of the
 * query's words, and passages mentioning the lexicon keywords the query names.
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

    List<Candidate> nearest(SearchQuery query, float[] vector, String model, int limit, boolean parts) {
        MapSqlParameterSource params = params(query, vector, model, limit);
        String cast = "vector(" + vector.length + ")";
        String filters = filters(query, vector.length);
        String sql = parts ? """
                WITH whole AS (
                    SELECT id, embedding::%2$s <=> CAST(:vector AS %2$s) AS distance
                    FROM embeddings.passage
                    WHERE %3$s
                    ORDER BY embedding::%2$s <=> CAST(:vector AS %2$s)
                    LIMIT :limit),
                part AS (
                    SELECT passage_id AS id, embedding::%2$s <=> CAST(:vector AS %2$s) AS distance
                    FROM embeddings.passage_part
                    WHERE dimension = %4$d AND model = :model %5$s
                    ORDER BY embedding::%2$s <=> CAST(:vector AS %2$s)
                    LIMIT :limit),
                best AS (
                    SELECT id, min(distance) AS distance
                    FROM (SELECT * FROM whole
                          UNION ALL
                          SELECT part.id, part.distance FROM part JOIN embeddings.passage USING (id)
                          WHERE %3$s) AS found
                    GROUP BY id
                    ORDER BY min(distance)
                    LIMIT :limit)
                SELECT %1$s, 1 - best.distance AS similarity, NULL::float8 AS text_rank
                FROM best JOIN embeddings.passage USING (id)""".formatted(COLUMNS, cast, filters, vector.length,
                narrowed(query) ? "AND passage_id IN (SELECT id FROM embeddings.passage WHERE " + filters + ")" : "")
                : """
                SELECT %1$s, 1 - (embedding::%2$s <=> CAST(:vector AS %2$s)) AS similarity, NULL::float8 AS text_rank
                FROM embeddings.passage
                WHERE %3$s
                ORDER BY embedding::%2$s <=> CAST(:vector AS %2$s)
                LIMIT :limit""".formatted(COLUMNS, cast, filters);
        List<Candidate> found = readOnly.execute(status -> {
            // SET LOCAL takes no bind parameters; the value is an int from configuration
            jdbc.getJdbcTemplate().execute("SET LOCAL hnsw.ef_search = " + Math.max(limits.efSearch(), limit));
            jdbc.getJdbcTemplate().execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
            jdbc.getJdbcTemplate().execute("SET LOCAL statement_timeout = " + limits.vectorTimeout().toMillis());
            return jdbc.query(sql, params, ROW);
        });
        // relaxed order may return neighbours slightly out of order
        List<Candidate> sorted = new ArrayList<>(found == null ? List.of() : found);
        sorted.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return sorted;
    }

    /**
     * Full-text candidates. Only the query's first {@value #MAX_TEXT_WORDS} distinct words are matched, at most
     * {@code search.text-scan-cap} matching passages are ranked (a common word such as "stop" is in a large share of
     * a big index, and ranking is per passage; past the cap the text ranking is approximate and the vector ranking
     * carries the search), and the statement is cancelled after {@code search.text-timeout}.
     *
     * @throws org.springframework.dao.DataAccessException with SQL state 57014 when it was cancelled
     */
    List<Candidate> matching(SearchQuery query, float[] vector, String model, int limit,
                             RankingProperties.TextMatch match) {
        MapSqlParameterSource params = params(query, vector, model, limit)
                .addValue("text", firstDistinctWords(query.text(), MAX_TEXT_WORDS))
                .addValue("scanCap", limits.textScanCap());
        String cast = "vector(" + vector.length + ")";
        // a passage holding more of the query's distinct words is the better match; cover density then rewards the
        // words standing close together. Ranks only the passages holding a word (the GIN index), keeps the few best,
        // and computes similarities for those alone.
        String order = switch (match) {
            case ANY -> "";
            case ALL_FIRST -> "(text_search @@ q.every_word) DESC, ";
            case COVERAGE -> "(SELECT count(*) FROM unnest(q.lexemes) AS l WHERE text_search @@ CAST(quote_literal(l) "
                    + "AS tsquery)) DESC, ";
        };
        String sql = """
                WITH q AS (
                    SELECT every_word,
                           CAST(replace(CAST(every_word AS text), '&', '|') AS tsquery) AS any_word,
                           tsvector_to_array(to_tsvector('english', :text)) AS lexemes
                    FROM plainto_tsquery('english', :text) AS every_word),
                matches AS (
                    SELECT id, text_search
                    FROM embeddings.passage, q
                    WHERE text_search @@ q.any_word AND %s
                    LIMIT :scanCap),
                ranked AS (
                    SELECT id, ts_rank_cd(text_search, q.any_word, 1) AS text_rank,
                           row_number() OVER (ORDER BY %s ts_rank_cd(text_search, q.any_word, 1) DESC, id) AS place
                    FROM matches, q
                    ORDER BY place
                    LIMIT :limit)
                SELECT %s, 1 - (embedding::%s <=> CAST(:vector AS %s)) AS similarity, ranked.text_rank
                FROM ranked JOIN embeddings.passage USING (id)
                ORDER BY ranked.place""".formatted(filters(query, vector.length), order, COLUMNS, cast, cast);
        List<Candidate> found = readOnly.execute(status -> {
            jdbc.getJdbcTemplate().execute("SET LOCAL statement_timeout = " + limits.textTimeout().toMillis());
            return jdbc.query(sql, params, ROW);
        });
        return found == null ? List.of() : found;
    }

    static final int MAX_TEXT_WORDS = 32;

    static String firstDistinctWords(String text, int max) {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        for (String word : text.strip().split("\\s+")) {
            if (words.size() == max) {
                break;
            }
            words.add(word.toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(" ", words);
    }

    /**
     * Passages by how many of the lexicon keywords the query names they mention (stage 5 found them in the speech
     * or on screen), then by how much of what they mention those keywords are. Uses the keywords' GIN index.
     */
    List<Candidate> naming(SearchQuery query, float[] vector, String model, int limit) {
        List<String> terms = QueryTerms.keywordCandidates(query.text());
        if (terms.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = params(query, vector, model, limit)
                .addValue("terms", terms.toArray(String[]::new));
        String cast = "vector(" + vector.length + ")";
        String sql = """
                WITH named AS (
                    SELECT id, matched, matched::float8 / cardinality(keywords) AS focus
                    FROM embeddings.passage,
                         LATERAL (SELECT count(*) AS matched FROM unnest(keywords) AS k
                                  WHERE k = ANY (CAST(:terms AS text[]))) AS m
                    WHERE keywords && CAST(:terms AS text[]) AND %s
                    ORDER BY matched DESC, focus DESC, id
                    LIMIT :limit)
                SELECT %s, 1 - (embedding::%s <=> CAST(:vector AS %s)) AS similarity, NULL::float8 AS text_rank
                FROM named JOIN embeddings.passage USING (id)
                ORDER BY named.matched DESC, named.focus DESC, id"""
                .formatted(filters(query, vector.length), COLUMNS, cast, cast);
        return jdbc.query(sql, params, ROW);
    }

    /** A passage stored before play_seconds existed plays from its start. */
    private static final String COLUMNS = "id, kind, media_id, source_id, start_seconds, end_seconds, "
            + "coalesce(play_seconds, start_seconds) AS play_seconds, text, keywords";

    /** Whether the query keeps only some passages (then the sentences searched are those passages' own). */
    private static boolean narrowed(SearchQuery query) {
        return query.kinds().size() < PassageKind.values().length || query.mediaId() != null || query.keyword() != null
                || query.category() != null || query.fromSeconds() != null || query.toSeconds() != null;
    }

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
                .addValue("category", query.category() == null ? null : query.category().toLowerCase(Locale.ROOT))
                .addValue("fromSeconds", query.fromSeconds())
                .addValue("toSeconds", query.toSeconds());
    }

    private static final RowMapper<Candidate> ROW = (rs, n) -> new Candidate(rs.getLong("id"), rs.getString("kind"),
            rs.getObject("media_id", UUID.class), rs.getObject("source_id", UUID.class),
            rs.getDouble("start_seconds"), rs.getDouble("end_seconds"), rs.getDouble("play_seconds"),
            rs.getString("text"),
            strings(rs.getArray("keywords")), rs.getDouble("similarity"), textRank(rs));

    private static Double textRank(ResultSet rs) throws SQLException {
        double rank = rs.getDouble("text_rank");
        return rs.wasNull() ? null : rank;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
