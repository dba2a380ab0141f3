package io.tradingedu.api.llama;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** What the library teaches about a keyword, grounded in retrieved passages that the markers [n] cite. */
record KeywordSummary(
        String keyword,
        @Schema(description = "llm (written by the model, every sentence citing a passage), extractive (the "
                + "passages' most relevant sentences) or none (nothing retrieved)") String method,
        @Schema(description = "the model that wrote it; null unless method is llm") String model,
        @Schema(description = "the summary; [n] cites citations[n-1]; null when nothing was retrieved")
        String summary,
        @Schema(description = "the retrieved passages, numbered as the markers cite them") List<Citation> citations,
        @Schema(description = "why the method is what it is, what was dropped, what the search noted")
        List<String> notes) {

    /**
     * @param n     the number a marker cites it by
     * @param cited whether the summary cites it
     * @param play  an absolute link that plays the moment
     */
    record Citation(int n, UUID mediaId, double startSeconds, double endSeconds, String text, double score,
                    boolean cited, String play) {
    }
}
