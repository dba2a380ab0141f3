package io.tradingedu.backtesting.backtest;

import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.Metrics;
import io.tradingedu.backtesting.engine.SweepParameter;
import io.tradingedu.backtesting.marketdata.Timeframe;
import io.tradingedu.backtesting.strategy.StrategyCatalog;
import io.tradingedu.backtesting.support.TimeParameter;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.Costs;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyJson;
import io.tradingedu.shared.strategy.StrategyText;
import io.tradingedu.shared.strategy.StrategyValidator;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns what a client sent into a {@link BacktestJob}, or says precisely what is wrong with it. */
@Component
class JobResolver {

    private static final double DEFAULT_CAPITAL = 10_000;
    private final StrategyCatalog strategies;

    JobResolver(StrategyCatalog strategies) {
        this.strategies = strategies;
    }

    BacktestJob backtest(BacktestRequest r) {
        StrategyDefinition strategy = strategy(r.strategyId(), r.strategy(), r.strategyText(), r.costs());
        return new BacktestJob(r.strategyId(), strategy, symbol(r.symbol()), timeframe(r.timeframe()),
                TimeParameter.parse("start", r.start()), end(r.end()), capital(r.initialCapital()), fill(r.fill()),
                r.plan() == null ? TestPlan.SINGLE : r.plan(), null, null, null);
    }

    BacktestJob optimize(OptimizeRequest r) {
        StrategyDefinition strategy = strategy(r.strategyId(), r.strategy(), r.strategyText(), r.costs());
        List<SweepParameter> parameters = r.parameters() == null ? List.of() : r.parameters();
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("parameters: name at least one parameter to sweep, e.g. "
                    + "{\"path\": \"entry.left.params.period\", \"from\": 10, \"to\": 50, \"step\": 5}");
        }
        String metric = r.metric() == null ? "sharpe" : r.metric();
        Metrics.requireKnown(metric);
        int top = r.top() == null ? 10 : r.top();
        if (top < 1 || top > 1000) {
            throw new IllegalArgumentException("top must be between 1 and 1000, was " + top);
        }
        return new BacktestJob(r.strategyId(), strategy, symbol(r.symbol()), timeframe(r.timeframe()),
                TimeParameter.parse("start", r.start()), end(r.end()), capital(r.initialCapital()), fill(r.fill()),
                TestPlan.SINGLE, parameters, metric, top);
    }

    private StrategyDefinition strategy(UUID id, JsonNode inline, String text, Costs costs) {
        int given = (id != null ? 1 : 0) + (inline != null && !inline.isNull() ? 1 : 0) + (text != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of strategy_id, strategy (JSON) or strategy_text");
        }
        StrategyDefinition strategy = id != null ? strategies.get(id).definition()
                : text != null ? StrategyText.parse(text)
                : StrategyJson.fromTree(inline);
        if (costs != null) {
            strategy = strategy.withCosts(costs);
        }
        return StrategyValidator.requireValid(strategy);
    }

    private static String symbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required (see GET /market-data)");
        }
        return symbol.trim().toUpperCase(Locale.ROOT);
    }

    private static String timeframe(String timeframe) {
        return Timeframe.parse(timeframe == null ? "1d" : timeframe).label();
    }

    /** An end given as a date includes that whole day. */
    private static Instant end(String end) {
        Instant parsed = TimeParameter.parse("end", end);
        return parsed != null && end.length() == 10 ? parsed.plusSeconds(86_399) : parsed;
    }

    private static double capital(Double capital) {
        if (capital == null) {
            return DEFAULT_CAPITAL;
        }
        if (!(capital > 0) || capital.isInfinite()) {
            throw new IllegalArgumentException("initial_capital must be a positive amount, was " + capital);
        }
        return capital;
    }

    private static FillTiming fill(FillTiming fill) {
        return fill == null ? FillTiming.NEXT_OPEN : fill;
    }
}
