package io.tradingedu.embeddings.index;

import com.pgvector.PGvector;
import io.tradingedu.embeddings.passage.Passage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Vectors made by one model: one per passage, and one per part (sentence) of each passage, at the same positions.
     */
    public record Embedded(List<Passage> passages, List<float[]> vectors, List<List<float[]>> partVectors, String model,
                           int dimension) {

        public Embedded {
            if (passages.size() != vectors.size() || passages.size() != partVectors.size()) {
                throw new IllegalArgumentException(passages.size() + " passages but " + vectors.size() + " vectors and "
                        + partVectors.size() + " lists of part vectors");
            }
            for (int i = 0; i < passages.size(); i++) {
                if (passages.get(i).parts().size() != partVectors.get(i).size()) {
                    throw new IllegalArgumentException("passage " + i + " has " + passages.get(i).parts().size()
                            + " parts but " + partVectors.get(i).size() + " part vectors");
                }
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
        lock(mediaId);
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
                            text, keywords, categories, model, dimension, embedding, play_seconds)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (int i = offset; i < to; i++) {
                        bind(insert, connection, mediaId, passages.get(i), embedded, embedded.vectors().get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
        replaceParts(mediaId, embedded);
        return true;
    }

    /** Stores the passages' parts (a transcript window's sentences) under their passages, which were just written. */
    private void replaceParts(UUID mediaId, Embedded embedded) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, kind, seq FROM embeddings.passage WHERE media_id = ?",
                rs -> {
                    ids.put(rs.getString("kind") + "/" + rs.getInt("seq"), rs.getLong("id"));
                }, mediaId);
        List<Object[]> rows = new ArrayList<>();
        for (int p = 0; p < embedded.passages().size(); p++) {
            Passage passage = embedded.passages().get(p);
            Long owner = ids.get(passage.kind().label() + "/" + passage.seq());
            List<float[]> vectors = embedded.partVectors().get(p);
            for (int i = 0; i < vectors.size(); i++) {
                rows.add(new Object[]{owner, i, embedded.model(), embedded.dimension(), new PGvector(vectors.get(i))});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO embeddings.passage_part (passage_id, seq, model, dimension, embedding)
                VALUES (?, ?, ?, ?, ?)""", rows);
    }

    /** Removes a deleted media item's passages and remembers it, so a stage 6 reply still in flight writes nothing. */
    @Transactional
    public void forget(UUID mediaId) {
        lock(mediaId);
        jdbc.update("INSERT INTO embeddings.forgotten_media (media_id) VALUES (?) ON CONFLICT DO NOTHING", mediaId);
        jdbc.update("DELETE FROM embeddings.passage WHERE media_id = ?", mediaId);
    }

    /**
     * Serialises the writers of one media item's passages (stage 6, deletion, re-index) until the transaction ends:
     * without it a deletion could commit between a reply's check of {@code forgotten_media} and its inserts, and the
     * deleted lesson would stay searchable.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID mediaId) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(CAST(? AS text), 0))", Object.class,
                mediaId);
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
        insert.setDouble(13, passage.playSeconds());
    }
}
