package io.tradingedu.embeddings.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * One place in one lesson that answers a search.
 *
 * @param play a path on api-service that plays this moment: the clip's video, or the lesson's video with a media
 *             fragment ({@code #t=seconds}) that browsers seek to
 */
public record SearchHit(
        @Schema(description = "transcript | frame | clip") String type,
        UUID mediaId,
        @Schema(description = "the frame's or clip's id; absent for transcript passages") UUID sourceId,
        double startSeconds, double endSeconds, String text, List<String> keywords,
        @Schema(description = "the fused rank score (reciprocal rank fusion), or the single ranking's score")
        double score,
        @Schema(description = "cosine similarity of the passage to the query, -1..1") double similarity,
        @Schema(description = "full-text rank when the passage matched the query's words; absent otherwise")
        Double textRank,
        @Schema(description = "which rankings found it: vector, text, keyword") List<String> matchedBy,
        String play) {
}
