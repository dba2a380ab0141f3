package io.tradingedu.api.frames;

import io.tradingedu.api.support.Links;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads frames through {@code analysis.frames_v1}, the view orchestrator-service publishes as a contract. */
@Component
class FrameReader {

    /** The most frames one answer carries; stage 2 keeps fewer per video. */
    static final int MAX_FRAMES = 500;

    private final JdbcTemplate jdbc;

    FrameReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The item's frames in time order, at most {@link #MAX_FRAMES} + 1 so the caller can tell there were more. */
    List<Frame> framesOf(UUID mediaId) {
        return jdbc.query("""
                SELECT id, seq, time_seconds, selection, width, height, ocr_text, ocr_confidence, has_trading_text
                FROM analysis.frames_v1 WHERE media_id = ? ORDER BY seq LIMIT ?""",
                (rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Frame(id, rs.getInt("seq"), rs.getDouble("time_seconds"), rs.getString("selection"),
                            rs.getInt("width"), rs.getInt("height"), rs.getString("ocr_text"),
                            rs.getObject("ocr_confidence", Double.class), rs.getBoolean("has_trading_text"),
                            Links.to("/frames/{id}/image", id));
                }, mediaId, MAX_FRAMES + 1);
    }

    /** Where a frame's image was stored, as the row says; the caller checks that it may be served. */
    Optional<StoredImage> imageOf(UUID frameId) {
        return jdbc.query("SELECT media_id, image_path FROM analysis.frames_v1 WHERE id = ?",
                (rs, i) -> new StoredImage(rs.getObject("media_id", UUID.class), rs.getString("image_path")),
                frameId).stream().findFirst();
    }

    record StoredImage(UUID mediaId, String path) {
    }
}
