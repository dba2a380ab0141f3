package io.tradingedu.orchestrator.clips;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A media item's highlight clips in {@code analysis.clip}. Stage 4 replaces them. */
@Component
class ClipStore {

    private final JdbcTemplate jdbc;

    ClipStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One clip to store: what was planned, what was cut, and the words spoken in it. */
    record StoredClip(PlannedClip plan, CutClip cut, String transcriptExcerpt) {
    }

    void replace(UUID mediaId, List<StoredClip> clips, Instant now) {
        jdbc.update("DELETE FROM analysis.clip WHERE media_id = ?", mediaId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            StoredClip c = clips.get(i);
            rows.add(new Object[] {UUID.randomUUID(), mediaId, i, c.plan().start(), c.plan().end(),
                    c.cut().durationSeconds(), c.cut().file().toString(),
                    c.cut().thumbnail() == null ? null : c.cut().thumbnail().toString(), c.cut().sizeBytes(),
                    c.cut().cutMode(), c.plan().score(), textArray(c.plan().keywords()),
                    textArray(c.plan().categories()), c.transcriptExcerpt(), Timestamp.from(now)});
        }
        jdbc.batchUpdate("""
                INSERT INTO analysis.clip (id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path,
                                           thumbnail_path, size_bytes, cut_mode, score, keywords, categories,
                                           transcript_excerpt, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private java.sql.Array textArray(List<String> values) {
        return jdbc.execute((ConnectionCallback<java.sql.Array>) con -> con.createArrayOf("text", values.toArray()));
    }
}
