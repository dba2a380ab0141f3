package io.tradingedu.api.llama;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradingedu.api.support.BadParameterException;
import io.tradingedu.api.support.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "LLM", description = "Training examples, grounded summaries and strategy generation")
class SummaryController {

    static final int MAX_TOP_K = 20;
    static final int DEFAULT_TOP_K = 8;

    private final KeywordSummarizer summarizer;

    SummaryController(KeywordSummarizer summarizer) {
        this.summarizer = summarizer;
    }

    @GetMapping("/llama/summarize/{keyword}")
    @Operation(summary = "What the library teaches about a keyword, with citations to the moments that teach it",
            description = "The top_k transcript passages of embeddings-service's hybrid search are summarised by the "
                    + "LLM (orchestrator-service) when one is configured: every sentence must cite a passage [n], "
                    + "others are dropped, a reply citing nothing valid is discarded. Otherwise, or when the LLM "
                    + "fails, the passages' most relevant sentences, deduplicated, each with its citation "
                    + "(method says which). 400 for a keyword over 200 characters or top_k outside 1..20; 503 when "
                    + "embeddings-service cannot be reached.")
    KeywordSummary summarize(
            @Parameter(description = "a trading term, e.g. RSI or stop loss") @PathVariable String keyword,
            @Parameter(description = "passages to ground the summary in, 1..20 (default 8)")
            @RequestParam(name = "top_k", required = false) Integer topK) {
        String checked = Params.text("keyword", keyword);
        if (checked == null) {
            throw new BadParameterException("keyword", "must not be empty");
        }
        int k = topK == null ? DEFAULT_TOP_K : topK;
        if (k < 1 || k > MAX_TOP_K) {
            throw new BadParameterException("top_k", "must be between 1 and " + MAX_TOP_K + "; got " + k);
        }
        return summarizer.summarise(checked, k);
    }
}
