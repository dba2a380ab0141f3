package io.tradingedu.orchestrator.llama;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal: api-service's {@code GET /llama/summarize/{keyword}} asks here for the LLM's part. */
@RestController
@Tag(name = "LLM", description = "Grounded summaries for api-service's /llama endpoints")
class SummaryController {

    private final GroundedSummarizer summarizer;

    SummaryController(GroundedSummarizer summarizer) {
        this.summarizer = summarizer;
    }

    @PostMapping("/llama/summaries")
    @Operation(summary = "Summarise what numbered passages teach about a keyword, citing them as [n]",
            description = "At most " + SummaryLimits.MAX_PASSAGES + " passages of " + SummaryLimits.MAX_PASSAGE_CHARS
                    + " characters (" + SummaryLimits.MAX_TOTAL_CHARS + " in all), a keyword of "
                    + SummaryLimits.MAX_KEYWORD_CHARS + ", temperature 0..1; 400 naming the field otherwise. "
                    + "Sentences citing no given passage are dropped, markers naming no given passage removed, a "
                    + "reply citing nothing valid discarded. method=none (200) with the reason in notes when there "
                    + "is no model, it fails, or nothing grounded is left.")
    SummaryResponse summarise(@RequestBody SummaryRequest request) {
        return summarizer.summarise(request);
    }
}
