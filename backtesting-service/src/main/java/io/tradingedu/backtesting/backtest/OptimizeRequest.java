package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.SweepParameter;
import io.tradingedu.shared.strategy.Costs;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /optimize}: the strategy and data as for a backtest, the parameters to sweep, the metric to rank by
 * (default {@code sharpe}) and how many of the best variants to return (default 10).
 */
public record OptimizeRequest(
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
        List<SweepParameter> parameters,
        String metric,
        Integer top) {
}
