package io.tradingedu.embeddings.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Hybrid semantic and full-text search over lesson transcripts, frames and clips")
class SearchController {

    private final HybridSearch search;
    private final SearchLimits limits;

    SearchController(HybridSearch search, SearchLimits limits) {
        this.search = search;
        this.limits = limits;
    }

    @PostMapping("/search")
    @Operation(summary = "Search with every option in a JSON body",
            description = "Hits are ranked by reciprocal rank fusion of vector similarity and full-text rank (mode "
                    + "hybrid), or by one of them. Each hit links to the moment that plays it. 400 naming the field "
                    + "for an empty or over-long query, top_k outside 1..100, an unknown type or mode.")
    HybridSearch.Result post(@RequestBody SearchParameters parameters) {
        return search.search(parameters.validate(limits));
    }

    @GetMapping("/search")
    @Operation(summary = "Search with query parameters (all types unless type is given)")
    HybridSearch.Result get(@RequestParam(required = false) String query,
                            @RequestParam(name = "top_k", required = false) Integer topK,
                            @Parameter(description = "transcript, frame, clip or all") @RequestParam(required = false)
                            String type,
                            @RequestParam(name = "media_id", required = false) UUID mediaId,
                            @RequestParam(required = false) String keyword,
                            @RequestParam(required = false) String category,
                            @RequestParam(name = "from_seconds", required = false) Double fromSeconds,
                            @RequestParam(name = "to_seconds", required = false) Double toSeconds,
                            @RequestParam(name = "min_similarity", required = false) Double minSimilarity,
                            @Parameter(description = "hybrid, vector or text") @RequestParam(required = false)
                            String mode) {
        return search.search(new SearchParameters(query, topK, type, mediaId, keyword, category, fromSeconds,
                toSeconds, minSimilarity, mode).validate(limits));
    }

    @GetMapping("/search/{type}")
    @Operation(summary = "Search one type: transcripts, frames or clips (the original service's endpoints)")
    HybridSearch.Result byType(@PathVariable String type, @RequestParam(required = false) String query,
                               @RequestParam(name = "top_k", required = false) Integer topK,
                               @RequestParam(name = "min_similarity", required = false) Double minSimilarity,
                               @RequestParam(name = "media_id", required = false) UUID mediaId,
                               @RequestParam(required = false) String keyword,
                               @RequestParam(required = false) String mode) {
        if (type.contains(",") || type.equalsIgnoreCase("all")) {
            throw new BadSearchException("type", "the path names one type: transcripts, frames or clips");
        }
        return search.search(new SearchParameters(query, topK, type, mediaId, keyword, null, null, null,
                minSimilarity, mode).validate(limits));
    }
}
