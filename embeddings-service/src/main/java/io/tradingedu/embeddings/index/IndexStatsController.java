package io.tradingedu.embeddings.index;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.embeddings.model.SentenceEmbedder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Index", description = "What the search index holds")
class IndexStatsController {

    private final JdbcTemplate jdbc;
    private final SentenceEmbedder embedder;

    IndexStatsController(JdbcTemplate jdbc, SentenceEmbedder embedder) {
        this.jdbc = jdbc;
        this.embedder = embedder;
    }

    record IndexStats(String model, int dimension, long mediaItems, Map<String, Long> passagesByType,
                      Map<String, Long> passagesByModel) {
    }

    @GetMapping("/stats")
    @Operation(summary = "Passages per type and per model, media items indexed, and the model in use",
            description = "Passages of another model than the one in use are not searched until POST /reindex.")
    IndexStats stats() {
        Map<String, Long> byType = new LinkedHashMap<>(Map.of("transcript", 0L, "frame", 0L, "clip", 0L));
        jdbc.query("SELECT kind, count(*) AS n FROM embeddings.passage GROUP BY kind",
                rs -> { byType.put(rs.getString("kind"), rs.getLong("n")); });
        Map<String, Long> byModel = new LinkedHashMap<>();
        jdbc.query("SELECT model, count(*) AS n FROM embeddings.passage GROUP BY model ORDER BY model",
                rs -> { byModel.put(rs.getString("model"), rs.getLong("n")); });
        Long media = jdbc.queryForObject("SELECT count(DISTINCT media_id) FROM embeddings.passage", Long.class);
        return new IndexStats(embedder.modelName(), embedder.dimension(), media == null ? 0 : media, byType, byModel);
    }
}
