package io.tradingedu.embeddings.passage;

import io.tradingedu.embeddings.passage.LessonAnalysis.Clip;
import io.tradingedu.embeddings.passage.LessonAnalysis.Frame;
import io.tradingedu.embeddings.passage.LessonAnalysis.KeywordHit;
import io.tradingedu.embeddings.passage.LessonAnalysis.Segment;
import io.tradingedu.embeddings.passage.LessonAnalysis.Word;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a media item's analysis through the orchestrator's published {@code analysis.*_v1} views and its title through
 * api-service's {@code media.media_items_v1} (never their tables).
 */
@Component
public class AnalysisReader {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AnalysisReader(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public LessonAnalysis read(UUID mediaId) {
        return new LessonAnalysis(mediaId, title(mediaId), segments(mediaId), frames(mediaId), clips(mediaId),
                keywordHits(mediaId));
    }

    /** From api-service's published catalogue view; a lesson it does not list (yet) has no title. */
    public Optional<String> title(UUID mediaId) {
        return jdbc.sql("SELECT filename FROM media.media_items_v1 WHERE media_id = ?").param(mediaId)
                .query(String.class).optional().flatMap(LessonTitle::of);
    }

    private List<Segment> segments(UUID mediaId) {
        return jdbc.sql("""
                        SELECT seq, start_seconds, end_seconds, text, words::text AS words
                        FROM analysis.transcript_segments_v1 WHERE media_id = ? ORDER BY seq""")
                .param(mediaId)
                .query((rs, n) -> new Segment(rs.getInt("seq"), rs.getDouble("start_seconds"),
                        rs.getDouble("end_seconds"), rs.getString("text"), words(rs.getString("words"))))
                .list();
    }

    private List<Frame> frames(UUID mediaId) {
        return jdbc.sql("""
                        SELECT id, seq, time_seconds, ocr_text FROM analysis.frames_v1
                        WHERE media_id = ? ORDER BY seq""")
                .param(mediaId)
                .query((rs, n) -> new Frame(rs.getObject("id", UUID.class), rs.getInt("seq"),
                        rs.getDouble("time_seconds"), rs.getString("ocr_text")))
                .list();
    }

    private List<Clip> clips(UUID mediaId) {
        return jdbc.sql("""
                        SELECT id, seq, start_seconds, end_seconds, keywords, transcript_excerpt
                        FROM analysis.clips_v1 WHERE media_id = ? ORDER BY seq""")
                .param(mediaId)
                .query((rs, n) -> new Clip(rs.getObject("id", UUID.class), rs.getInt("seq"),
                        rs.getDouble("start_seconds"), rs.getDouble("end_seconds"), strings(rs.getArray("keywords")),
                        rs.getString("transcript_excerpt")))
                .list();
    }

    private List<KeywordHit> keywordHits(UUID mediaId) {
        return jdbc.sql("""
                        SELECT keyword, category, start_seconds, end_seconds, frame_id
                        FROM analysis.keyword_hits_v1 WHERE media_id = ? ORDER BY start_seconds""")
                .param(mediaId)
                .query((rs, n) -> new KeywordHit(rs.getString("keyword"), rs.getString("category"),
                        rs.getDouble("start_seconds"), rs.getDouble("end_seconds"),
                        rs.getObject("frame_id", UUID.class)))
                .list();
    }

    private List<Word> words(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<Word> words = new ArrayList<>();
        for (JsonNode w : json.readTree(stored)) {
            words.add(new Word(w.path("w").asString(""), w.path("s").asDouble(), w.path("e").asDouble()));
        }
        return words;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
