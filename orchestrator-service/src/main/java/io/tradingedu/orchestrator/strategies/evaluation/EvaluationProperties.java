package io.tradingedu.orchestrator.strategies.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stage 10's promotion criteria, all on the out-of-sample results, metrics as fractions (0.3 = 30 %). The reasons
 * for each default are in docs/evaluation.md.
 *
 * @param minSharpe         annualised out-of-sample Sharpe ratio at least this
 * @param maxDrawdown       out-of-sample maximum drawdown at most this
 * @param minProfitFactor   gross profit / gross loss at least this (a strategy without a losing trade passes)
 * @param minTrades         closed out-of-sample trades at least this
 * @param beatBuyAndHold    the out-of-sample Sharpe ratio must exceed buying and holding the same bars
 * @param minConsistency    share of the out-of-sample periods (datasets × windows) that made money, at least this
 * @param minDeflatedSharpe deflated Sharpe ratio (probability that the true Sharpe ratio beats the best of N
 *                          skill-less trials) at least this
 */
@ConfigurationProperties("strategies.evaluation")
public record EvaluationProperties(
        @DefaultValue("0.5") double minSharpe,
        @DefaultValue("0.3") double maxDrawdown,
        @DefaultValue("1.2") double minProfitFactor,
        @DefaultValue("10") int minTrades,
        @DefaultValue("true") boolean beatBuyAndHold,
        @DefaultValue("0.5") double minConsistency,
        @DefaultValue("0.95") double minDeflatedSharpe) {

    public EvaluationProperties {
        requireFraction("max-drawdown", maxDrawdown);
        requireFraction("min-consistency", minConsistency);
        requireFraction("min-deflated-sharpe", minDeflatedSharpe);
        if (minTrades < 0 || minProfitFactor < 0) {
            throw new IllegalArgumentException("strategies.evaluation.min-trades and min-profit-factor must be 0 or more");
        }
    }

    /** The defaults, as documented. */
    public static EvaluationProperties defaults() {
        return new EvaluationProperties(0.5, 0.3, 1.2, 10, true, 0.5, 0.95);
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("strategies.evaluation." + name + " is a fraction between 0 and 1, was "
                    + value);
        }
    }
}
