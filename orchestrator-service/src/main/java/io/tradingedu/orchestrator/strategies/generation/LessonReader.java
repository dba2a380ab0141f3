package io.tradingedu.orchestrator.strategies.generation;

import io.tradingedu.orchestrator.concepts.Concept;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What stage 8 reads from stages 2–5: a lesson's concepts, its transcript and its clips (schema {@code analysis}). */
@Component
class LessonReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    /** The keyword search's own template: its scan of every lesson's concepts is cut at the timeout. */
    private final JdbcTemplate keywordScan;
    private final Duration keywordScanTimeout;

    LessonReader(JdbcTemplate jdbc,
                 @Value("${strategies.generate.keyword-scan-timeout:10s}") Duration keywordScanTimeout) {
        this.jdbc = jdbc;
        this.keywordScanTimeout = keywordScanTimeout;
        this.keywordScan = new JdbcTemplate(jdbc.getDataSource());
        this.keywordScan.setQueryTimeout((int) Math.max(1, keywordScanTimeout.toSeconds()));
    }

    Duration keywordScanTimeout() {
        return keywordScanTimeout;
    }

    /** A clip's time span. */
    record ClipSpan(UUID id, double start, double end) {
    }

    List<LessonConcept> concepts(UUID mediaId) {
        return jdbc.query("""
                SELECT id, media_id, kind, name, details, text_form, start_seconds, end_seconds, quote, confidence, source
                FROM analysis.concept WHERE media_id = ? ORDER BY seq""",
                (rs, i) -> new LessonConcept(rs.getObject("id", UUID.class), rs.getObject("media_id", UUID.class),
                        new Concept(rs.getString("kind"), rs.getString("name"), details(rs.getString("details")),
                                rs.getString("text_form"), rs.getDouble("start_seconds"), rs.getDouble("end_seconds"),
                                rs.getString("quote"), rs.getDouble("confidence"), rs.getString("source"))),
                mediaId);
    }

    /** The transcript's segments as text, in order, at most {@code maxChars} in all. */
    List<String> transcript(UUID mediaId, int maxChars) {
        List<String> excerpts = new ArrayList<>();
        int[] budget = {maxChars};
        jdbc.query("SELECT text FROM analysis.transcript_segment WHERE media_id = ? ORDER BY seq", rs -> {
            String text = rs.getString(1);
            if (budget[0] > 0 && text != null && !text.isBlank()) {
                String part = text.length() > budget[0] ? text.substring(0, budget[0]) : text;
                excerpts.add(part);
                budget[0] -= part.length();
            }
        }, mediaId);
        return excerpts;
    }

    List<ClipSpan> clips(UUID mediaId) {
        return jdbc.query("SELECT id, start_seconds, end_seconds FROM analysis.clip WHERE media_id = ? ORDER BY seq",
                (rs, i) -> new ClipSpan(rs.getObject(1, UUID.class), rs.getDouble(2), rs.getDouble(3)), mediaId);
    }

    /**
     * The media items whose concepts mention the keyword most (in the quote, the text form or the name), at most
     * {@code topK}, with the times where they do. The substring match reads every concept of the library, so it is
     * cancelled after {@code strategies.generate.keyword-scan-timeout} (Spring's {@code QueryTimeoutException}).
     */
    Map<UUID, List<double[]>> mentioning(String keyword, int topK) {
        String like = "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<UUID, List<double[]>> found = new LinkedHashMap<>();
        keywordScan.query("""
                WITH hits AS (
                    SELECT media_id, start_seconds, end_seconds FROM analysis.concept
                    WHERE quote ILIKE ? OR text_form ILIKE ? OR name ILIKE ?),
                top AS (
                    SELECT media_id, count(*) AS n FROM hits GROUP BY media_id ORDER BY n DESC, media_id LIMIT ?)
                SELECT h.media_id, h.start_seconds, h.end_seconds FROM hits h JOIN top t ON t.media_id = h.media_id
                ORDER BY t.n DESC, h.media_id, h.start_seconds""", rs -> {
            found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new double[] {rs.getDouble(2), rs.getDouble(3)});
        }, like, like, like, topK);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(String json) {
        return json == null ? Map.of() : JSON.readValue(json, LinkedHashMap.class);
    }
}
