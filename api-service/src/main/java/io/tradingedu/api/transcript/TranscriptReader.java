package io.tradingedu.api.transcript;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads transcripts through {@code analysis.transcripts_v1} and {@code analysis.transcript_segments_v1}, the views
 * orchestrator-service publishes as a contract.
 */
@Component
class TranscriptReader {

    /** The most segments one answer carries; stage 2 stores far fewer for any video within the length limit. */
    static final int MAX_SEGMENTS = 5_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TranscriptReader(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Transcript> find(UUID mediaId) {
        List<Header> headers = jdbc.query("""
                SELECT source, language, duration_seconds, word_count, mean_confidence, notes, created_at
                FROM analysis.transcripts_v1 WHERE media_id = ?""", (rs, i) -> Header.of(rs), mediaId);
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        List<Transcript.Segment> segments = jdbc.query("""
                SELECT start_seconds, end_seconds, text, confidence, words::text AS words
                FROM analysis.transcript_segments_v1 WHERE media_id = ? ORDER BY seq LIMIT ?""",
                (rs, i) -> segment(rs), mediaId, MAX_SEGMENTS + 1);
        boolean truncated = segments.size() > MAX_SEGMENTS;
        Header h = headers.getFirst();
        return Optional.of(new Transcript(mediaId, h.source(), h.language(), h.durationSeconds(), h.wordCount(),
                h.meanConfidence(), h.notes(), h.createdAt() == null ? null : h.createdAt().toInstant(), truncated,
                truncated ? segments.subList(0, MAX_SEGMENTS) : segments));
    }

    private Transcript.Segment segment(ResultSet rs) throws SQLException {
        return new Transcript.Segment(rs.getDouble("start_seconds"), rs.getDouble("end_seconds"), rs.getString("text"),
                rs.getObject("confidence", Double.class), words(rs.getString("words")));
    }

    /** Word timings as stage 2 stores them: {@code [{"w": "RSI", "s": 1.2, "e": 1.5, "c": 0.93}, ...]}. */
    private List<Transcript.Word> words(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<Transcript.Word> words = new ArrayList<>();
        for (JsonNode w : json.readTree(stored)) {
            JsonNode confidence = w.get("c");
            words.add(new Transcript.Word(w.path("w").asString(""), w.path("s").asDouble(), w.path("e").asDouble(),
                    confidence == null || confidence.isNull() ? null : confidence.asDouble()));
        }
        return words;
    }

    private record Header(String source, String language, Double durationSeconds, int wordCount,
                          Double meanConfidence, String notes, Timestamp createdAt) {

        static Header of(ResultSet rs) throws SQLException {
            return new Header(rs.getString("source"), rs.getString("language"),
                    rs.getObject("duration_seconds", Double.class), rs.getInt("word_count"),
                    rs.getObject("mean_confidence", Double.class), rs.getString("notes"),
                    rs.getTimestamp("created_at"));
        }
    }
}
