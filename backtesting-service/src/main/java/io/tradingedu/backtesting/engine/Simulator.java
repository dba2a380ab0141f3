package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Costs;
import io.tradingedu.shared.strategy.Risk;
import io.tradingedu.shared.strategy.Sizing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the bars of one range in time order and trades a {@link CompiledStrategy} without look-ahead:
 * <ol>
 *   <li>at a bar's open, the order decided on the previous close is filled at that open (with
 *       {@link FillTiming#NEXT_OPEN});</li>
 *   <li>during the bar, the stop (fixed or trailing, whichever is tighter) and then the target are checked against
 *       the bar's low and high: filled at their price, or at the open when the bar opens beyond them (a gap). When a
 *       bar reaches both, the stop is assumed first, since the bar does not tell which came first;</li>
 *   <li>at the close, equity is marked, the trailing stop follows the bar's extreme, and exit, time-exit and entry
 *       rules are read on this close.</li>
 * </ol>
 * Slippage moves every fill against the trader; commission is charged on each fill's value. One instance runs once.
 */
final class Simulator {

    private final PriceSeries bars;
    private final CompiledStrategy strategy;
    private final FillTiming fillTiming;
    private final int sign;
    private final Risk risk;
    private final double slippage;
    private final double commission;
    private final List<Trade> trades = new ArrayList<>();
    private double cash;
    private Position position;
    private Order pending = Order.NONE;
    private ExitReason pendingReason;

    private enum Order { NONE, ENTER, EXIT }

    private Simulator(PriceSeries bars, CompiledStrategy strategy, double capital, FillTiming fillTiming) {
        this.bars = bars;
        this.strategy = strategy;
        this.fillTiming = fillTiming;
        this.sign = strategy.definition().direction().sign();
        this.risk = strategy.definition().risk();
        Costs costs = strategy.definition().costs();
        this.slippage = costs.slippageBps() / 10_000;
        this.commission = costs.commissionBps() / 10_000;
        this.cash = capital;
    }

    /** Trades bars {@code from..to} (inclusive); indicators may use the bars before {@code from} as history. */
    static SimulationResult run(PriceSeries bars, CompiledStrategy strategy, int from, int to, double capital,
                                FillTiming fillTiming) {
        if (from < 0 || to >= bars.size() || from > to) {
            throw new IllegalArgumentException("empty or invalid bar range " + from + ".." + to);
        }
        return new Simulator(bars, strategy, capital, fillTiming).simulate(from, to);
    }

    private SimulationResult simulate(int from, int to) {
        int n = to - from + 1;
        Instant[] times = new Instant[n];
        double[] equity = new double[n];
        boolean[] inMarket = new boolean[n];
        for (int i = from; i <= to; i++) {
            fillPendingAtOpen(i);
            if (position != null) {
                checkStopAndTarget(i);
            }
            if (position != null) {
                position.follow(bars.high(i), bars.low(i));
            }
            if (i == to) {
                if (position != null) {
                    exit(i, bars.close(i), ExitReason.END_OF_DATA);
                }
            } else {
                decideOnClose(i);
            }
            times[i - from] = bars.time(i);
            equity[i - from] = cash + (position == null ? 0 : position.unrealized(bars.close(i)));
            inMarket[i - from] = position != null;
        }
        return new SimulationResult(List.copyOf(trades), new EquityCurve(times, equity, inMarket));
    }

    private void fillPendingAtOpen(int i) {
        if (pending == Order.EXIT && position != null) {
            exit(i, bars.open(i), pendingReason);
        } else if (pending == Order.ENTER && position == null) {
            enter(i, bars.open(i), i - 1);
        }
        pending = Order.NONE;
    }

    private void decideOnClose(int i) {
        if (position != null) {
            if (strategy.exit().isTrue(i)) {
                order(i, Order.EXIT, ExitReason.SIGNAL);
            } else if (risk.maxBars() != null && barsHeldAfter(i) >= risk.maxBars()) {
                order(i, Order.EXIT, ExitReason.TIME);
            }
        } else if (strategy.entry().isTrue(i)) {
            order(i, Order.ENTER, null);
        }
    }

    /** Bars the position will have been held when an exit decided on bar i's close is filled. */
    private int barsHeldAfter(int i) {
        return i - position.entryBar + (fillTiming == FillTiming.NEXT_OPEN ? 1 : 0);
    }

    private void order(int i, Order order, ExitReason reason) {
        if (fillTiming == FillTiming.SIGNAL_CLOSE) {
            if (order == Order.EXIT) {
                exit(i, bars.close(i), reason);
            } else {
                enter(i, bars.close(i), i);
            }
        } else {
            pending = order;
            pendingReason = reason;
        }
    }

    private void checkStopAndTarget(int i) {
        boolean gapPossible = i != position.entryBar;
        double stop = position.stopLevel();
        if (!Double.isNaN(stop)) {
            double open = bars.open(i);
            if (gapPossible && sign * (open - stop) <= 0) {
                exit(i, open, position.stopReason());
                return;
            }
            if (sign * ((sign > 0 ? bars.low(i) : bars.high(i)) - stop) <= 0) {
                exit(i, stop, position.stopReason());
                return;
            }
        }
        double target = position.target;
        if (!Double.isNaN(target)) {
            double open = bars.open(i);
            if (gapPossible && sign * (open - target) >= 0) {
                exit(i, open, ExitReason.TAKE_PROFIT);
            } else if (sign * ((sign > 0 ? bars.high(i) : bars.low(i)) - target) >= 0) {
                exit(i, target, ExitReason.TAKE_PROFIT);
            }
        }
    }

    private void enter(int bar, double price, int signalBar) {
        double fill = price * (1 + sign * slippage);
        double equity = cash;
        if (equity <= 0 || !(fill > 0)) {
            return;
        }
        double stop = initialStop(fill, signalBar);
        double quantity = quantity(equity, fill, stop);
        if (!(quantity > 0)) {
            return;
        }
        double entryCommission = quantity * fill * commission;
        cash -= entryCommission;
        position = new Position(bar, fill, quantity, entryCommission, stop, target(fill, stop),
                risk.trailingStop() == null ? Double.NaN : risk.trailingStop().percent() / 100, sign);
    }

    private double quantity(double equity, double fill, double stop) {
        double affordable = equity / (fill * (1 + commission));
        Sizing sizing = strategy.definition().sizing();
        if (sizing.fractionOfEquity() != null) {
            return affordable * sizing.fractionOfEquity();
        }
        double perUnitRisk = Math.abs(fill - stop);
        return perUnitRisk > 0 ? Math.min(affordable, equity * sizing.riskPerTrade() / perUnitRisk) : 0;
    }

    private double initialStop(double fill, int signalBar) {
        Risk.StopLoss stop = risk.stopLoss();
        if (stop == null) {
            return Double.NaN;
        }
        double distance = stop.percent() != null ? fill * stop.percent() / 100
                : stop.atrMultiple() * strategy.stopAtr()[signalBar];
        return fill - sign * distance;
    }

    private double target(double fill, double stop) {
        Risk.TakeProfit target = risk.takeProfit();
        if (target == null) {
            return Double.NaN;
        }
        double distance = target.percent() != null ? fill * target.percent() / 100
                : target.rMultiple() * Math.abs(fill - stop);
        return fill + sign * distance;
    }

    private void exit(int bar, double price, ExitReason reason) {
        Position p = position;
        double fill = price * (1 - sign * slippage);
        double gross = sign * p.quantity * (fill - p.entryPrice);
        double exitCommission = p.quantity * fill * commission;
        cash += gross - exitCommission;
        double pnl = gross - p.entryCommission - exitCommission;
        trades.add(new Trade(strategy.definition().direction(), bars.time(p.entryBar), p.entryPrice, bars.time(bar),
                fill, p.quantity, pnl, 100 * pnl / (p.quantity * p.entryPrice), p.entryCommission + exitCommission,
                bar - p.entryBar, reason));
        position = null;
        pending = Order.NONE;
    }
}
