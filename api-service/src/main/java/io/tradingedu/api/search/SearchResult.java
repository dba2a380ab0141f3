package io.tradingedu.api.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * embeddings-service's answer to a search, as api-service passes it on: the same fields, each hit's {@code play}
 * made an absolute link on api-service.
 */
record SearchResult(
        @Schema(description = "the query as searched (stripped)") String query,
        @Schema(description = "hybrid, vector or text") String mode,
        @Schema(description = "the embedding model the vectors come from", example = "all-minilm-l6-v2-q")
        String model,
        @Schema(description = "best first") List<SearchHit> hits,
        @Schema(description = "what the answer lacks and why, e.g. a ranking left out because it took too long")
        List<String> notes) {

    SearchResult {
        hits = hits == null ? List.of() : hits;
        notes = notes == null ? List.of() : notes;
    }

    SearchResult withHits(List<SearchHit> hits) {
        return new SearchResult(query, mode, model, hits, notes);
    }

    /** One moment in one lesson that answers the search. */
    record SearchHit(
            @Schema(description = "transcript | frame | clip") String type,
            UUID mediaId,
            @Schema(description = "the frame's or clip's id; null for transcript passages") UUID sourceId,
            double startSeconds,
            double endSeconds,
            String text,
            List<String> keywords,
            @Schema(description = "the fused rank score (reciprocal rank fusion), or the single ranking's score")
            double score,
            @Schema(description = "cosine similarity of the passage to the query, -1..1") double similarity,
            @Schema(description = "full-text rank when the passage matched the query's words; null otherwise")
            Double textRank,
            @Schema(description = "which rankings found it: vector, text") List<String> matchedBy,
            @Schema(description = "an absolute link that plays the moment: the clip's download, or the lesson's "
                    + "video with a media fragment the browser seeks to; null when embeddings-service gave no path",
                    example = "https://example.org/api/media_items/3f0c…/video#t=62.0")
            String play) {

        SearchHit withPlay(String play) {
            return new SearchHit(type, mediaId, sourceId, startSeconds, endSeconds, text, keywords, score, similarity,
                    textRank, matchedBy, play);
        }
    }
}
