package io.tradingedu.api.playground;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A Playground backtest or sweep as the page follows it.
 *
 * @param kind    {@code backtest} or {@code sweep}
 * @param status  {@code queued}, {@code running}, {@code completed} or {@code failed}
 * @param error   why it failed, else null
 * @param metrics a completed backtest's metrics per period (its charts: {@code GET /dashboard/backtests/{id}/chart})
 * @param sweep   a completed sweep as a heatmap
 */
public record PlaygroundRun(UUID id, String kind, String status, String error, String symbol, String timeframe,
                            JsonNode metrics, SweepGrid sweep) {
}
