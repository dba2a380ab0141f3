package io.tradingedu.api.llama;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code POST /llama/generate-strategy}: orchestrator-service's strategy as it generated it (fields
 * passed on unchanged, evidence with play links added) and, when asked, its backtest.
 */
record GeneratedStrategy(
        @Schema(description = "the strategy in the strategy language's JSON (validated)") JsonNode strategy,
        @Schema(description = "its compact text form") String text,
        @Schema(description = "llm or rules") String source,
        @Schema(description = "fields the lesson or text left unstated, filled from documented defaults") JsonNode assumed,
        @Schema(description = "what it was built from: concepts, quotes, times; with a play link where a lesson is "
                + "known") JsonNode evidence,
        @Schema(description = "how it was made, e.g. why the LLM was not used") JsonNode notes,
        @Schema(description = "present when backtest=true") Backtest backtest) {

    /**
     * @param metrics      metrics per tested period as backtesting-service reports them (fractions: 0.12 = 12 %);
     *                     null while a large backtest is still queued
     * @param outOfSample  the out-of-sample period's metrics, the ones that judge the strategy
     * @param link         the backtest on backtesting-service (status, request, summary)
     * @param metricsLink  its metrics per period
     */
    record Backtest(UUID id, String status, String symbol, String timeframe, String start, String end,
                    double inSampleFraction, JsonNode metrics, JsonNode outOfSample, String link,
                    String metricsLink) {
    }
}
