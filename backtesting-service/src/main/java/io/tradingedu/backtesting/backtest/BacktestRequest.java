package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.Costs;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /backtest}. The strategy is one of: a stored strategy's id, an inline strategy in the JSON language,
 * or the compact text form. {@code start}/{@code end} are ISO dates or instants (inclusive, null for the whole
 * dataset); {@code costs} replaces the strategy's own costs when given.
 */
public record BacktestRequest(
        UUID strategyId,
        JsonNode strategy,
        String strategyText,
        String symbol,
        String timeframe,
        String start,
        String end,
        Double initialCapital,
        Costs costs,
        FillTiming fill,
        TestPlan plan) {
}
