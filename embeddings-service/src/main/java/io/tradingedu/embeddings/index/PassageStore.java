package io.tradingedu.embeddings.index;

import com.pgvector.PGvector;
import io.tradingedu.embeddings.passage.Passage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the search index: a media item's passages are replaced as a whole, or forgotten with the item. */
@Component
public class PassageStore {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    PassageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Vectors made by one model for the passages at the same positions. */
    public record Embedded(List<Passage> passages, List<float[]> vectors, String model, int dimension) {

        public Embedded {
            if (passages.size() != vectors.size()) {
                throw new IllegalArgumentException(passages.size() + " passages but " + vectors.size() + " vectors");
            }
        }
    }

    /**
     * Replaces the media item's passages, unless the item was deleted meanwhile (a late stage 6 reply must not bring
     * its passages back). Runs inside the caller's transaction.
     *
     * @return false when the item was deleted and nothing was written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean replace(UUID mediaId, Embedded embedded) {
        if (forgotten(mediaId)) {
            return false;
        }
        jdbc.update("DELETE FROM embeddings.passage WHERE media_id = ?", mediaId);
        List<Passage> passages = embedded.passages();
        for (int from = 0; from < passages.size(); from += BATCH) {
            int to = Math.min(passages.size(), from + BATCH);
            int offset = from;
            jdbc.execute((Connection connection) -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO embeddings.passage (media_id, kind, seq, source_id, start_seconds, end_seconds,
                            text, keywords, categories, model, dimension, embedding)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (int i = offset; i < to; i++) {
                        bind(insert, connection, mediaId, passages.get(i), embedded, embedded.vectors().get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
        return true;
    }

    /** Removes a deleted media item's passages and remembers it, so a stage 6 reply still in flight writes nothing. */
    @Transactional
    public void forget(UUID mediaId) {
        jdbc.update("INSERT INTO embeddings.forgotten_media (media_id) VALUES (?) ON CONFLICT DO NOTHING", mediaId);
        jdbc.update("DELETE FROM embeddings.passage WHERE media_id = ?", mediaId);
    }

    private boolean forgotten(UUID mediaId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM embeddings.forgotten_media WHERE media_id = ?)", Boolean.class, mediaId));
    }

    private static void bind(PreparedStatement insert, Connection connection, UUID mediaId, Passage passage,
                             Embedded embedded, float[] vector) throws SQLException {
        insert.setObject(1, mediaId);
        insert.setString(2, passage.kind().label());
        insert.setInt(3, passage.seq());
        insert.setObject(4, passage.sourceId(), Types.OTHER);
        insert.setDouble(5, passage.startSeconds());
        insert.setDouble(6, passage.endSeconds());
        insert.setString(7, passage.text());
        insert.setArray(8, connection.createArrayOf("text", passage.keywords().toArray()));
        insert.setArray(9, connection.createArrayOf("text", passage.categories().toArray()));
        insert.setString(10, embedded.model());
        insert.setInt(11, embedded.dimension());
        insert.setObject(12, new PGvector(vector));
    }
}
