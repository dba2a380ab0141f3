package io.tradingedu.orchestrator.processvideo;

import io.tradingedu.orchestrator.processvideo.transcript.TimedWord;
import io.tradingedu.orchestrator.processvideo.transcript.Transcript;
import io.tradingedu.orchestrator.processvideo.transcript.TranscriptSegment;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A media item's transcript in {@code analysis.transcript} and {@code analysis.transcript_segment}. Stage 2 replaces
 * it; stages 3 and 5 read it.
 */
@Component
public class TranscriptStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    TranscriptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the item's transcript; call inside the stage's reply transaction. */
    void replace(UUID mediaId, UUID runId, Transcript transcript, Double durationSeconds, Instant now) {
        jdbc.update("DELETE FROM analysis.transcript WHERE media_id = ?", mediaId);
        Double meanConfidence = transcript.segments().stream().map(TranscriptSegment::confidence)
                .filter(c -> c != null).mapToDouble(Double::doubleValue).average().stream().boxed().findFirst()
                .orElse(null);
        jdbc.update("""
                INSERT INTO analysis.transcript (media_id, run_id, source, language, duration_seconds, word_count,
                                                 mean_confidence, notes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", mediaId, runId, transcript.source(), transcript.language(),
                durationSeconds, transcript.wordCount(), meanConfidence,
                transcript.notes().isEmpty() ? null : String.join("; ", transcript.notes()), Timestamp.from(now));
        List<Object[]> rows = new ArrayList<>();
        List<TranscriptSegment> segments = transcript.segments();
        for (int i = 0; i < segments.size(); i++) {
            TranscriptSegment s = segments.get(i);
            rows.add(new Object[] {mediaId, i, s.start(), s.end(), s.text(), s.rawText(), s.confidence(),
                    s.words().isEmpty() ? null : wordsJson(s.words())});
        }
        jdbc.batchUpdate("""
                INSERT INTO analysis.transcript_segment (media_id, seq, start_seconds, end_seconds, text, raw_text,
                                                         confidence, words)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", rows);
    }

    /** The stored transcript, or empty when stage 2 has not stored one. */
    public Optional<Transcript> load(UUID mediaId) {
        List<Map<String, Object>> head = jdbc.queryForList(
                "SELECT source, language, notes FROM analysis.transcript WHERE media_id = ?", mediaId);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<TranscriptSegment> segments = jdbc.query("""
                SELECT start_seconds, end_seconds, text, raw_text, confidence, words::text AS words
                FROM analysis.transcript_segment WHERE media_id = ? ORDER BY seq""",
                (rs, i) -> new TranscriptSegment(rs.getDouble("start_seconds"), rs.getDouble("end_seconds"),
                        rs.getString("text"), rs.getString("raw_text"), (Double) rs.getObject("confidence"),
                        words(rs.getString("words"))), mediaId);
        String notes = (String) head.getFirst().get("notes");
        return Optional.of(new Transcript((String) head.getFirst().get("source"),
                (String) head.getFirst().get("language"), segments,
                notes == null ? List.of() : List.of(notes.split("; "))));
    }

    /** The video's duration as stage 2 recorded it (from stage 1's probe), or empty. */
    public Optional<Double> durationSeconds(UUID mediaId) {
        return jdbc.queryForList("SELECT duration_seconds FROM analysis.transcript WHERE media_id = ?", Double.class,
                mediaId).stream().filter(d -> d != null).findFirst();
    }

    private static String wordsJson(List<TimedWord> words) {
        return JSON.writeValueAsString(words.stream().map(w -> new StoredWord(w.text(), w.start(), w.end(),
                w.confidence())).toList());
    }

    private static List<TimedWord> words(String json) {
        if (json == null) {
            return List.of();
        }
        List<StoredWord> stored = JSON.readValue(json, new TypeReference<List<StoredWord>>() { });
        return stored.stream().map(w -> new TimedWord(w.w(), w.s(), w.e(), w.c())).toList();
    }

    /** Compact JSON of one word: {@code {"w": "RSI", "s": 1.2, "e": 1.5, "c": 0.93}}. */
    record StoredWord(String w, double s, double e, Double c) {
    }
}
