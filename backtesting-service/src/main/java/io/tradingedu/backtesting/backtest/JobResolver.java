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
import io.tradingedu.support.web.BadFieldException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns what a client sent into a {@link BacktestJob}, or says precisely what is wrong with it: every number finite
 * and in range, and a sweep's size counted (never listed) against {@link BacktestLimits} before anything is loaded.
 */
@Component
class JobResolver {

    private static final double DEFAULT_CAPITAL = 10_000;
    private final StrategyCatalog strategies;
    private final BacktestLimits limits;

    JobResolver(StrategyCatalog strategies, BacktestLimits limits) {
        this.strategies = strategies;
        this.limits = limits;
    }

    BacktestJob backtest(BacktestRequest r) {
        StrategyDefinition strategy = strategy(r.strategyId(), r.strategy(), r.strategyText(), r.costs());
        return new BacktestJob(r.strategyId(), strategy, symbol(r.symbol()), timeframe(r.timeframe()),
                TimeParameter.parse("start", r.start()), end(r.end()), capital(r.initialCapital()), fill(r.fill()),
                r.plan() == null ? TestPlan.SINGLE : r.plan(), null, null, null);
    }

    BacktestJob optimize(OptimizeRequest r) {
        StrategyDefinition strategy = strategy(r.strategyId(), r.strategy(), r.strategyText(), r.costs());
        List<SweepParameter> parameters = parameters(r.parameters());
        String metric = r.metric() == null ? "sharpe" : r.metric();
        Metrics.requireKnown(metric);
        int top = r.top() == null ? 10 : r.top();
        if (top < 1 || top > limits.maxTop()) {
            throw new BadFieldException("top", "must be between 1 and " + limits.maxTop() + "; asked " + top);
        }
        return new BacktestJob(r.strategyId(), strategy, symbol(r.symbol()), timeframe(r.timeframe()),
                TimeParameter.parse("start", r.start()), end(r.end()), capital(r.initialCapital()), fill(r.fill()),
                TestPlan.SINGLE, parameters, metric, top);
    }

    private List<SweepParameter> parameters(List<SweepParameter> given) {
        List<SweepParameter> parameters = given == null ? List.of() : given;
        if (parameters.isEmpty()) {
            throw new BadFieldException("parameters", "must name at least one parameter to sweep, e.g. "
                    + "{\"path\": \"entry.left.params.period\", \"from\": 10, \"to\": 50, \"step\": 5}");
        }
        if (parameters.size() > limits.maxParameters()) {
            throw new BadFieldException("parameters", "may name at most " + limits.maxParameters()
                    + " parameters (BACKTEST_LIMITS_MAX_PARAMETERS); asked " + parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            SweepParameter p = parameters.get(i);
            String field = "parameters[" + i + "].";
            if (p == null || p.path() == null || p.path().isBlank()) {
                throw new BadFieldException(field + "path", "is required");
            }
            requireFinite(field + "from", p.from());
            requireFinite(field + "to", p.to());
            requireFinite(field + "step", p.step());
            if (!(p.step() > 0)) {
                throw new BadFieldException(field + "step", "must be positive; got " + p.step());
            }
            if (p.to() < p.from()) {
                throw new BadFieldException(field + "to", "must be at least from (" + p.from() + "); got " + p.to());
            }
        }
        BigInteger variants = SweepParameter.combinations(parameters);
        if (variants.compareTo(BigInteger.valueOf(limits.maxVariants())) > 0) {
            throw new BadFieldException("parameters", "make " + variants + " variants (the product of every "
                    + "parameter's value count); the limit is " + limits.maxVariants()
                    + " (BACKTEST_LIMITS_MAX_VARIANTS): narrow the ranges or coarsen the steps");
        }
        return List.copyOf(parameters);
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new BadFieldException(field, "must be a finite number; got " + value);
        }
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
            // the validator's range checks let NaN through ("NaN" is a number to Jackson)
            requireFinite("costs.commission_bps", costs.commissionBps());
            requireFinite("costs.slippage_bps", costs.slippageBps());
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

    /** A limit written as a person would: 1000000000000, not 1.0E12. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private double capital(Double capital) {
        if (capital == null) {
            return DEFAULT_CAPITAL;
        }
        if (!(capital > 0) || capital > limits.maxCapital()) {
            throw new BadFieldException("initial_capital", "must be a positive amount of at most "
                    + plain(limits.maxCapital()) + "; got " + capital);
        }
        return capital;
    }

    private static FillTiming fill(FillTiming fill) {
        return fill == null ? FillTiming.NEXT_OPEN : fill;
    }
}
