package io.tradingedu.shared.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks what a strategy does with money and positions: stop loss, take profit, trailing stop and time exit, sizing,
 * and costs. Part of {@link StrategyValidator}.
 */
final class PositionRulesValidator {

    /** Most units a pyramiding position may hold. */
    static final int MAX_UNITS = 100;

    private final List<Violation> violations = new ArrayList<>();

    private PositionRulesValidator() {
    }

    static List<Violation> validate(Risk risk, Sizing sizing, Costs costs) {
        PositionRulesValidator validator = new PositionRulesValidator();
        validator.risk(risk);
        validator.sizing(sizing, risk);
        validator.costs(costs);
        return validator.violations;
    }

    /** Stop orders, reversal and pyramiding. */
    static List<Violation> orders(StrategyDefinition strategy) {
        PositionRulesValidator validator = new PositionRulesValidator();
        if (strategy.reverses() && strategy.exitStop() == null) {
            validator.add("reverse", "stop and reverse needs exit_stop: the level where the position turns, e.g. PSAR");
        } else if (strategy.reverses() && !changesSides(strategy.exitStop())
                && !(strategy.exitStop() instanceof Expression.Price p && p.price() == null)) {
            validator.add("reverse", "stop and reverse needs an exit_stop level that changes sides with the position "
                    + "itself, PSAR or SUPERTREND, was '" + StrategyFormatter.expression(strategy.exitStop())
                    + "': after the turn a level like it stays where it was, on the wrong side of the market, and "
                    + "turns the position again at the next open");
        }
        Integer units = strategy.pyramiding();
        if (units != null) {
            if (units < 1 || units > MAX_UNITS) {
                validator.add("pyramiding", "must be between 1 and " + MAX_UNITS + ", was " + units);
            } else if (units > 1 && Double.valueOf(1.0).equals(strategy.sizing().fractionOfEquity())) {
                validator.add("pyramiding", "with size 100% of equity no unit can be added without leverage; size each "
                        + "unit at most 1/" + units + " of equity, e.g. size: " + (100 / units) + "%");
            }
        }
        return validator.violations;
    }

    /**
     * A stop and reverse uses one level for both sides, so the level must jump to the other side of the price when the
     * position turns. PSAR and SUPERTREND do (below the price in an up move, above it in a down move); a lagged one
     * would still stand where the turn happened on the next bar, and any other level (a low, a channel, a constant)
     * stays put.
     */
    private static boolean changesSides(Expression level) {
        return level instanceof Expression.IndicatorRef ref && ref.input() == null && ref.output() == null
                && IndicatorKind.byName(ref.indicator())
                .filter(kind -> kind == IndicatorKind.PSAR || kind == IndicatorKind.SUPERTREND).isPresent();
    }

    private void risk(Risk risk) {
        Risk.StopLoss stop = risk.stopLoss();
        if (stop != null) {
            if ((stop.percent() == null) == (stop.atrMultiple() == null)) {
                add("risk.stop_loss", "give exactly one of percent or atr_multiple");
            }
            percent("risk.stop_loss.percent", stop.percent());
            positive("risk.stop_loss.atr_multiple", stop.atrMultiple());
            if (stop.atrPeriod() != null && (stop.atrPeriod() < 1 || stop.atrPeriod() > 5000)) {
                add("risk.stop_loss.atr_period", "must be between 1 and 5000, was " + stop.atrPeriod());
            }
        }
        Risk.TakeProfit target = risk.takeProfit();
        if (target != null) {
            if ((target.percent() == null) == (target.rMultiple() == null)) {
                add("risk.take_profit", "give exactly one of percent or r_multiple");
            }
            positive("risk.take_profit.percent", target.percent());
            positive("risk.take_profit.r_multiple", target.rMultiple());
            if (target.rMultiple() != null && stop == null) {
                add("risk.take_profit.r_multiple", "an R multiple needs risk.stop_loss to define R");
            }
        }
        if (risk.trailingStop() != null) {
            percent("risk.trailing_stop.percent", risk.trailingStop().percent());
        }
        if (risk.maxBars() != null && risk.maxBars() < 1) {
            add("risk.max_bars", "must be at least 1, was " + risk.maxBars());
        }
    }

    private void sizing(Sizing sizing, Risk risk) {
        if ((sizing.fractionOfEquity() == null) == (sizing.riskPerTrade() == null)) {
            add("sizing", "give exactly one of fraction_of_equity or risk_per_trade");
            return;
        }
        if (sizing.fractionOfEquity() != null && !(sizing.fractionOfEquity() > 0 && sizing.fractionOfEquity() <= 1)) {
            add("sizing.fraction_of_equity", "must be above 0 and at most 1, was " + sizing.fractionOfEquity());
        }
        if (sizing.riskPerTrade() != null) {
            if (!(sizing.riskPerTrade() > 0 && sizing.riskPerTrade() < 1)) {
                add("sizing.risk_per_trade", "must be above 0 and below 1, was " + sizing.riskPerTrade());
            }
            if (risk.stopLoss() == null) {
                add("sizing.risk_per_trade", "risk-based sizing needs risk.stop_loss");
            }
        }
    }

    private void costs(Costs costs) {
        if (costs.commissionBps() < 0 || costs.commissionBps() > 1000) {
            add("costs.commission_bps", "must be between 0 and 1000, was " + costs.commissionBps());
        }
        if (costs.slippageBps() < 0 || costs.slippageBps() > 1000) {
            add("costs.slippage_bps", "must be between 0 and 1000, was " + costs.slippageBps());
        }
    }

    private void percent(String path, Double value) {
        if (value != null && !(value > 0 && value < 100)) {
            add(path, "must be above 0 and below 100, was " + value);
        }
    }

    private void positive(String path, Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            add(path, "must be above 0, was " + value);
        }
    }

    private void add(String path, String message) {
        violations.add(new Violation(path, message));
    }
}
