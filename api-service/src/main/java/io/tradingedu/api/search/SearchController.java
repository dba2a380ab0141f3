package io.tradingedu.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.support.BadParameterException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Semantic and full-text search over lesson transcripts, frames and clips")
class SearchController {

    private final EmbeddingsClient embeddings;

    SearchController(EmbeddingsClient embeddings) {
        this.embeddings = embeddings;
    }

    @GetMapping("/embeddings/search")
    @Operation(summary = "Search the lessons by meaning and by words; each hit links to the moment that plays it",
            description = "Answered by embeddings-service (hybrid: reciprocal rank fusion of vector similarity and "
                    + "full-text rank; or vector or text alone). Each hit's play link is the clip's download, or the "
                    + "lesson's video with a media fragment (#t=seconds) a browser seeks to. 400 naming the field for "
                    + "an empty or over-long query (1000 characters), top_k outside 1..100, an unknown embedding_type "
                    + "or mode, seconds or similarity out of range; embeddings-service's own refusals come back with "
                    + "its status, detail and field. 503 when embeddings-service cannot be reached (2 s to connect, "
                    + "10 s to answer), 502 when it fails the search.")
    SearchResult search(
            @Parameter(description = "a question or exact terms", example = "when should I take profits")
            @RequestParam(required = false) String query,
            @Parameter(description = "hits to return, 1 to 100 (default 10)")
            @RequestParam(name = "top_k", required = false) Integer topK,
            @Parameter(description = "transcript, frame, clip or all (default); plurals and comma-separated lists "
                    + "are accepted")
            @RequestParam(name = "embedding_type", required = false) String embeddingType,
            @Parameter(description = "only this media item") @RequestParam(name = "media_id", required = false)
            UUID mediaId,
            @Parameter(description = "only passages mentioning this keyword, e.g. RSI")
            @RequestParam(required = false) String keyword,
            @Parameter(description = "only passages mentioning a keyword of this category, e.g. risk_management")
            @RequestParam(required = false) String category,
            @Parameter(description = "only passages ending at or after this second")
            @RequestParam(name = "from_seconds", required = false) Double fromSeconds,
            @Parameter(description = "only passages starting at or before this second")
            @RequestParam(name = "to_seconds", required = false) Double toSeconds,
            @Parameter(description = "only hits at least this similar in meaning, -1 to 1")
            @RequestParam(name = "min_similarity", required = false) Double minSimilarity,
            @Parameter(description = "hybrid (default), vector or text") @RequestParam(required = false)
            String mode) {
        if (query == null || query.isBlank()) {
            // the one bound checked here: it needs no round trip, and holds while embeddings-service is down
            throw new BadParameterException("query", "must not be empty");
        }
        SearchResult result = embeddings.search(new SearchRequest(query, topK, EmbeddingTypes.normalise(embeddingType),
                mediaId, keyword, category, fromSeconds, toSeconds, minSimilarity, mode));
        return result.withHits(result.hits().stream().map(hit -> hit.withPlay(PlayLinks.absolute(hit.play())))
                .toList());
    }
}
