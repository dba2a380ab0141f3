package io.tradingedu.orchestrator.processvideo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A media item's sampled frames and their text in {@code analysis.frame}. Stage 2 replaces them; 3 and 5 read them. */
@Component
public class FrameStore {

    private final JdbcTemplate jdbc;

    FrameStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One frame as stored, with the text read from it. */
    public record StoredFrame(UUID id, double timeSeconds, String selection, String imagePath, int width, int height,
                              String ocrText, Double ocrConfidence, boolean tradingText) {
    }

    void replace(UUID mediaId, List<StoredFrame> frames) {
        jdbc.update("DELETE FROM analysis.frame WHERE media_id = ?", mediaId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            StoredFrame f = frames.get(i);
            rows.add(new Object[] {f.id(), mediaId, i, f.timeSeconds(), f.selection(), f.imagePath(), f.width(),
                    f.height(), f.ocrText(), f.ocrConfidence(), f.tradingText()});
        }
        jdbc.batchUpdate("""
                INSERT INTO analysis.frame (id, media_id, seq, time_seconds, selection, image_path, width, height,
                                            ocr_text, ocr_confidence, has_trading_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The item's frames in time order. */
    public List<StoredFrame> load(UUID mediaId) {
        return jdbc.query("""
                SELECT id, time_seconds, selection, image_path, width, height, ocr_text, ocr_confidence,
                       has_trading_text
                FROM analysis.frame WHERE media_id = ? ORDER BY seq""",
                (rs, i) -> new StoredFrame(rs.getObject("id", UUID.class), rs.getDouble("time_seconds"),
                        rs.getString("selection"), rs.getString("image_path"), rs.getInt("width"), rs.getInt("height"),
                        rs.getString("ocr_text"), (Double) rs.getObject("ocr_confidence"),
                        rs.getBoolean("has_trading_text")), mediaId);
    }
}
