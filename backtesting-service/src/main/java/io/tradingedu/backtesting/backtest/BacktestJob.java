package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.SweepParameter;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyDefinition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request fully resolved and checked, as stored with the job: everything needed to run it again after a restart.
 * {@code parameters}, {@code metric} and {@code top} are set only for an optimisation.
 */
public record BacktestJob(
        UUID strategyId,
        StrategyDefinition strategy,
        String symbol,
        String timeframe,
        Instant start,
        Instant end,
        double initialCapital,
        FillTiming fill,
        TestPlan plan,
        List<SweepParameter> parameters,
        String metric,
        Integer top) {
}
