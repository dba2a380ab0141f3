package io.tradingedu.orchestrator.llama;

import java.util.List;

/**
 * The answer to {@code POST /llama/summaries}: a summary written by the model that cites only the passages it was
 * given, or why there is none (no model, it failed, or its reply cited nothing it was given). Always 200 for a
 * well-formed request: the caller's fallback is the extractive summary, so "no LLM summary" is an answer, not an
 * error.
 *
 * @param method {@code llm} with a summary, {@code none} without
 * @param cited  the passage numbers (1-based) the summary cites, in the order first cited
 * @param notes  what was dropped or why there is no summary
 */
record SummaryResponse(String method, String summary, String model, List<Integer> cited, List<String> notes) {

    static SummaryResponse of(GroundedSummary summary, String model, List<String> notes) {
        return new SummaryResponse("llm", summary.text(), model, summary.cited(), notes);
    }

    static SummaryResponse none(String model, List<String> notes) {
        return new SummaryResponse("none", null, model, List.of(), notes);
    }
}
