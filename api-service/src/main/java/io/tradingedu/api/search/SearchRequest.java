package io.tradingedu.api.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A search as api-service's client asked for it, in embeddings-service's parameter names. Bounds (query length,
 * top_k, seconds, similarity) are embeddings-service's to check: it is the one place they are enforced, and its 400
 * comes back to the client naming the field.
 *
 * @param type one of transcript, frame, clip or all, or several separated by commas ({@link EmbeddingTypes})
 */
record SearchRequest(String query, Integer topK, String type, UUID mediaId, String keyword, String category,
                     Double fromSeconds, Double toSeconds, Double minSimilarity, String mode) {

    /** The query parameters of embeddings-service's {@code GET /search}; absent values are left out. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        put(parameters, "query", query);
        put(parameters, "top_k", topK);
        put(parameters, "type", type);
        put(parameters, "media_id", mediaId);
        put(parameters, "keyword", keyword);
        put(parameters, "category", category);
        put(parameters, "from_seconds", fromSeconds);
        put(parameters, "to_seconds", toSeconds);
        put(parameters, "min_similarity", minSimilarity);
        put(parameters, "mode", mode);
        return parameters;
    }

    private static void put(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
