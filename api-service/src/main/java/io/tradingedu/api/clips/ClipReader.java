package io.tradingedu.api.clips;

import io.tradingedu.api.support.Links;
import io.tradingedu.api.support.Paging;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads clips through {@code analysis.clips_v1}, the view orchestrator-service publishes as a contract. */
@Component
class ClipReader {

    private static final String COLUMNS = "id, media_id, seq, start_seconds, end_seconds, duration_seconds, file_path, "
            + "thumbnail_path, size_bytes, cut_mode, score, keywords, categories, transcript_excerpt, created_at";

    private final JdbcTemplate jdbc;

    ClipReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Best clips first (score), then by item and time. */
    Paging.Page<Clip> find(ClipFilter filter, Paging paging) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM analysis.clips_v1" + filter.where(), Long.class,
                filter.arguments().toArray());
        List<Object> arguments = new ArrayList<>(filter.arguments());
        arguments.add(paging.limit());
        arguments.add(paging.skip());
        List<Clip> items = jdbc.query("SELECT " + COLUMNS + " FROM analysis.clips_v1" + filter.where()
                        + " ORDER BY score DESC, media_id, seq LIMIT ? OFFSET ?",
                (rs, i) -> stored(rs).clip(), arguments.toArray());
        return Paging.Page.of(total == null ? 0 : total, paging, items);
    }

    Optional<StoredClip> get(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM analysis.clips_v1 WHERE id = ?", (rs, i) -> stored(rs), id)
                .stream().findFirst();
    }

    /** A clip with where its files were stored, as the row says; callers check that they may be served. */
    record StoredClip(Clip clip, String filePath, String thumbnailPath) {
    }

    private static StoredClip stored(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String thumbnail = rs.getString("thumbnail_path");
        Timestamp created = rs.getTimestamp("created_at");
        Clip clip = new Clip(id, rs.getObject("media_id", UUID.class), rs.getInt("seq"), rs.getDouble("start_seconds"),
                rs.getDouble("end_seconds"), rs.getDouble("duration_seconds"), rs.getLong("size_bytes"),
                rs.getString("cut_mode"), rs.getDouble("score"), strings(rs.getArray("keywords")),
                strings(rs.getArray("categories")), rs.getString("transcript_excerpt"),
                created == null ? null : created.toInstant(), Links.to("/clip/{id}/download", id),
                thumbnail == null ? null : Links.to("/clips/{id}/thumbnail", id));
        return new StoredClip(clip, rs.getString("file_path"), thumbnail);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
