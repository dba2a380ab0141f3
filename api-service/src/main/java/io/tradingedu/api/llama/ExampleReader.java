package io.tradingedu.api.llama;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the rows examples are built from through the views orchestrator-service publishes as contracts:
 * {@code analysis.concepts_v1}, {@code analysis.keyword_hits_v1}, {@code analysis.transcript_segments_v1} and
 * {@code strategies.strategies_v1}. Every query is bounded by its {@code limit}.
 */
@Component
class ExampleReader {

    private static final Logger log = LoggerFactory.getLogger(ExampleReader.class);

    /** The transcript taken around a keyword hit, either side. */
    static final double EXCERPT_SECONDS = 10;
    /** A keyword hit within this many seconds of a concept belongs to its category. */
    static final double CATEGORY_SLACK_SECONDS = 10;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ExampleReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The filters every kind shares; {@code keyword} and {@code category} may be null. */
    record Filter(String keyword, String category) {

        String pattern() {
            return keyword == null ? null
                    : "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    List<ExampleRows.ConceptRow> concepts(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.media_id, c.kind, c.name, c.details ->> 'role' AS role, c.text_form, c.start_seconds,
                       c.end_seconds, c.quote
                FROM analysis.concepts_v1 c
                WHERE c.text_form IS NOT NULL AND c.text_form <> '' AND c.quote <> ''""");
        List<Object> arguments = new ArrayList<>();
        if (filter.keyword() != null) {
            sql.append(" AND (c.quote ILIKE ? OR c.name ILIKE ? OR c.text_form ILIKE ?)");
            arguments.addAll(List.of(filter.pattern(), filter.pattern(), filter.pattern()));
        }
        if (filter.category() != null) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM analysis.keyword_hits_v1 h WHERE h.media_id = c.media_id
                        AND h.category = ? AND h.start_seconds <= c.end_seconds + ? AND h.end_seconds >= c.start_seconds - ?)""");
            arguments.addAll(List.of(filter.category(), CATEGORY_SLACK_SECONDS, CATEGORY_SLACK_SECONDS));
        }
        sql.append(" ORDER BY c.confidence DESC, c.media_id, c.seq LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new ExampleRows.ConceptRow(rs.getObject("id", UUID.class),
                rs.getObject("media_id", UUID.class), rs.getString("kind"), rs.getString("name"),
                rs.getString("role"), rs.getString("text_form"), rs.getDouble("start_seconds"),
                rs.getDouble("end_seconds"), rs.getString("quote")), arguments.toArray());
    }

    /**
     * Spoken keyword hits with their transcript stretch, one per stretch (the first hit of several in one stretch
     * stands for them), at most {@code limit}.
     */
    List<ExampleRows.HitRow> hits(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT h.id, h.media_id, h.keyword, h.category, h.start_seconds, h.end_seconds,
                       w.excerpt, w.excerpt_from, w.excerpt_to, c.id AS concept_id, c.quote AS concept_quote,
                       c.text_form AS concept_text, t.terms
                FROM analysis.keyword_hits_v1 h
                CROSS JOIN LATERAL (
                    SELECT string_agg(s.text, ' ' ORDER BY s.seq) AS excerpt, min(s.start_seconds) AS excerpt_from,
                           max(s.end_seconds) AS excerpt_to
                    FROM analysis.transcript_segments_v1 s
                    WHERE s.media_id = h.media_id AND s.end_seconds >= h.start_seconds - ?
                      AND s.start_seconds <= h.end_seconds + ?) w
                LEFT JOIN LATERAL (
                    SELECT c.id, c.quote, c.text_form FROM analysis.concepts_v1 c
                    WHERE c.media_id = h.media_id AND c.quote <> '' AND c.start_seconds <= w.excerpt_to
                      AND c.end_seconds >= w.excerpt_from
                    ORDER BY abs(c.start_seconds - h.start_seconds), c.seq LIMIT 1) c ON true
                CROSS JOIN LATERAL (
                    SELECT string_agg(DISTINCT k.keyword || ' (' || k.category || ')', ', ') AS terms
                    FROM analysis.keyword_hits_v1 k
                    WHERE k.media_id = h.media_id AND k.source <> 'ocr' AND k.start_seconds >= w.excerpt_from
                      AND k.end_seconds <= w.excerpt_to) t
                WHERE h.source <> 'ocr' AND w.excerpt IS NOT NULL AND t.terms IS NOT NULL""");
        List<Object> arguments = new ArrayList<>(List.of(EXCERPT_SECONDS, EXCERPT_SECONDS));
        if (filter.keyword() != null) {
            sql.append(" AND (lower(h.keyword) = lower(?) OR lower(h.matched_text) = lower(?))");
            arguments.addAll(List.of(filter.keyword(), filter.keyword()));
        }
        if (filter.category() != null) {
            sql.append(" AND h.category = ?");
            arguments.add(filter.category());
        }
        // several hits share a stretch: read a few more than needed, keep the first of each stretch
        sql.append(" ORDER BY h.confidence DESC, h.media_id, h.start_seconds, h.id LIMIT ?");
        arguments.add(limit * 3);
        Map<String, ExampleRows.HitRow> byStretch = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            ExampleRows.HitRow row = new ExampleRows.HitRow(rs.getObject("id", UUID.class),
                    rs.getObject("media_id", UUID.class), rs.getString("keyword"), rs.getString("category"),
                    rs.getDouble("start_seconds"), rs.getDouble("end_seconds"), rs.getString("excerpt"),
                    rs.getDouble("excerpt_from"), rs.getDouble("excerpt_to"), rs.getObject("concept_id", UUID.class),
                    rs.getString("concept_quote"), rs.getString("concept_text"), rs.getString("terms"));
            if (byStretch.size() < limit) {
                byStretch.putIfAbsent(row.mediaId() + "@" + row.excerptFrom(), row);
            }
        }, arguments.toArray());
        return List.copyOf(byStretch.values());
    }

    /**
     * Candidate strategies, promoted ones first. An empty list with a log line while orchestrator-service has not
     * published {@code strategies.strategies_v1} yet (api-service deployed ahead of it).
     */
    List<ExampleRows.StrategyRow> strategies(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.id, s.media_id, s.name, s.text_form, s.decision, s.evidence::text AS evidence
                FROM strategies.strategies_v1 s WHERE s.text_form <> ''""");
        List<Object> arguments = new ArrayList<>();
        if (filter.keyword() != null) {
            sql.append(" AND (s.text_form ILIKE ? OR s.name ILIKE ? OR s.evidence::text ILIKE ?)");
            arguments.addAll(List.of(filter.pattern(), filter.pattern(), filter.pattern()));
        }
        if (filter.category() != null) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM analysis.keyword_hits_v1 h, jsonb_array_elements(s.evidence) e
                        WHERE h.media_id = s.media_id AND h.category = ?
                          AND h.start_seconds <= (e ->> 'end_seconds')::float8 + ?
                          AND h.end_seconds >= (e ->> 'start_seconds')::float8 - ?)""");
            arguments.addAll(List.of(filter.category(), CATEGORY_SLACK_SECONDS, CATEGORY_SLACK_SECONDS));
        }
        sql.append(" ORDER BY (s.decision = 'promoted') DESC NULLS LAST, s.created_at DESC, s.id LIMIT ?");
        arguments.add(limit);
        try {
            return jdbc.query(sql.toString(), (rs, i) -> new ExampleRows.StrategyRow(rs.getObject("id", UUID.class),
                    rs.getObject("media_id", UUID.class), rs.getString("name"), rs.getString("text_form"),
                    rs.getString("decision"), evidence(rs.getString("evidence"))), arguments.toArray());
        } catch (BadSqlGrammarException e) {
            if (e.getSQLException() == null || !"42P01".equals(e.getSQLException().getSQLState())) {
                throw e;
            }
            log.warn("strategies.strategies_v1 cannot be read (not migrated yet?): {}", e.getMostSpecificCause()
                    .getMessage());
            return List.of();
        }
    }

    private List<ExampleRows.Evidence> evidence(String text) {
        List<ExampleRows.Evidence> evidence = new ArrayList<>();
        JsonNode items = text == null ? null : json.readTree(text);
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                evidence.add(new ExampleRows.Evidence(item.path("quote").isString() ? item.path("quote").asString()
                        : null, number(item.path("start_seconds")), number(item.path("end_seconds"))));
            }
        }
        return evidence;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
