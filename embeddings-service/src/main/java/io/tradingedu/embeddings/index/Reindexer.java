package io.tradingedu.embeddings.index;

import com.pgvector.PGvector;
import io.tradingedu.embeddings.model.SentenceEmbedder;
import io.tradingedu.embeddings.passage.AnalysisReader;
import io.tradingedu.embeddings.passage.PassageTexts;
import io.tradingedu.embeddings.passage.PassageBuilder;
import io.tradingedu.embeddings.passage.PassageKind;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Switching models: re-embeds the stored passages of every other model with the model in use, one media item per
 * transaction (so searches see each item either fully old, and skipped, or fully new), on one background thread.
 * The HNSW index for the new model's dimension is created first when it is missing.
 */
@Component
class Reindexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SentenceEmbedder embedder;
    private final AnalysisReader lessons;
    private final PassageStore store;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("reindex").daemon(true).factory());
    private final AtomicReference<String> state = new AtomicReference<>("idle");
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    Reindexer(JdbcTemplate jdbc, TransactionTemplate transactions, SentenceEmbedder embedder, AnalysisReader lessons,
              PassageStore store) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.embedder = embedder;
        this.lessons = lessons;
        this.store = store;
    }

    record Progress(String state, String model, long passages, long reindexed) {
    }

    /** Starts re-indexing unless it is running; returns the progress either way. */
    Progress start() {
        if (state.compareAndSet("idle", "running") || state.compareAndSet("failed", "running")
                || state.compareAndSet("done", "running")) {
            Long stale = jdbc.queryForObject("SELECT count(*) FROM embeddings.passage WHERE model <> ? OR dimension <> ?",
                    Long.class, embedder.modelName(), embedder.dimension());
            total.set(stale == null ? 0 : stale);
            done.set(0);
            worker.submit(this::run);
        }
        return progress();
    }

    Progress progress() {
        return new Progress(state.get(), embedder.modelName(), total.get(), done.get());
    }

    private void run() {
        try {
            int dimension = embedder.dimension();
            for (String table : List.of("passage", "passage_part")) {
                jdbc.execute(("CREATE INDEX IF NOT EXISTS %s_embedding_%d ON embeddings.%s USING hnsw "
                        + "((embedding::vector(%d)) vector_cosine_ops) WHERE dimension = %d")
                        .formatted(table, dimension, table, dimension, dimension));
            }
            List<UUID> media = jdbc.queryForList("SELECT DISTINCT media_id FROM embeddings.passage "
                    + "WHERE model <> ? OR dimension <> ?", UUID.class, embedder.modelName(), dimension);
            for (UUID mediaId : media) {
                reindex(mediaId);
            }
            state.set("done");
            log.info("re-index with {} done: {} passages", embedder.modelName(), done.get());
        } catch (RuntimeException e) {
            state.set("failed");
            log.error("re-index with {} failed after {} passages", embedder.modelName(), done.get(), e);
        }
    }

    private void reindex(UUID mediaId) {
        record Stored(long id, PassageKind kind, String text, List<String> parts) {
        }
        List<Stored> passages = jdbc.query("SELECT id, kind, text FROM embeddings.passage WHERE media_id = ? "
                        + "AND (model <> ? OR dimension <> ?) ORDER BY id",
                (rs, n) -> {
                    PassageKind kind = PassageKind.fromLabel(rs.getString("kind"));
                    String text = rs.getString("text");
                    return new Stored(rs.getLong("id"), kind, text, PassageBuilder.parts(kind, text));
                }, mediaId, embedder.modelName(), embedder.dimension());
        // embedded exactly as stage 6 embeds them
        List<List<String>> parts = passages.stream().map(Stored::parts).toList();
        PassageTexts.Vectors vectors = PassageTexts.split(embedder.embedAll(PassageTexts.of(lessons.title(mediaId),
                passages.stream().map(Stored::text).toList(), parts)), parts);
        String model = embedder.modelName();
        int dimension = embedder.dimension();
        transactions.executeWithoutResult(status -> {
            store.lock(mediaId);
            for (int p = 0; p < passages.size(); p++) {
                Stored passage = passages.get(p);
                int updated = jdbc.update("UPDATE embeddings.passage SET embedding = ?, model = ?, dimension = ? "
                        + "WHERE id = ?", new PGvector(vectors.wholes().get(p)), model, dimension, passage.id());
                if (updated == 0) {
                    // stage 6 replaced the item's passages (with the new model) or it was deleted meanwhile
                    continue;
                }
                jdbc.update("DELETE FROM embeddings.passage_part WHERE passage_id = ?", passage.id());
                for (int i = 0; i < passage.parts().size(); i++) {
                    jdbc.update("INSERT INTO embeddings.passage_part (passage_id, seq, model, dimension, embedding) "
                            + "VALUES (?, ?, ?, ?, ?)", passage.id(), i, model, dimension,
                            new PGvector(vectors.parts().get(p).get(i)));
                }
            }
        });
        done.addAndGet(passages.size());
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
