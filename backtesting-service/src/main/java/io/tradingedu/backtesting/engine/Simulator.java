package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Costs;
import io.tradingedu.shared.strategy.Direction;
import io.tradingedu.shared.strategy.Risk;
import io.tradingedu.shared.strategy.Sizing;
import io.tradingedu.shared.strategy.StrategyDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the bars of one range in time order and trades a {@link CompiledStrategy} without look-ahead:
 * <ol>
 *   <li>at a bar's open, the market order decided on the previous close is filled at that open (with
 *       {@link FillTiming#NEXT_OPEN});</li>
 *   <li>during the bar, an entry stop placed on the previous close is filled when the bar trades through its level
 *       (at the open when it opens beyond it); then each open unit's stops (fixed, trailing and the exit stop,
 *       whichever is tightest) and then its target are checked against the bar's low and high: filled at their
 *       price, or at the open when the bar opens beyond them (a gap). When a bar reaches both stop and target, the
 *       stop is assumed first, since the bar does not tell which came first. A filled exit stop with {@code reverse}
 *       opens the opposite position at the same price. An entry stop that would add a unit to an open position
 *       (pyramiding) during the bar is filled only when no unit of the position was closed during that bar: the bar
 *       does not tell whether the add-on came before or after the exit, and it must not outlive the exit that closed
 *       the position;</li>
 *   <li>at the close, equity is marked, the trailing stops follow the bar's extreme, and exit, time-exit and entry
 *       rules are read on this close; stop orders for the next bar are placed at the levels of this close.</li>
 * </ol>
 * Slippage moves every fill against the trader; commission is charged on each fill's value. One instance runs once.
 */
final class Simulator {

    private final PriceSeries bars;
    private final CompiledStrategy strategy;
    private final StrategyDefinition definition;
    private final FillTiming fillTiming;
    private final int direction;
    private final Risk risk;
    private final double slippage;
    private final double commission;
    private final List<Trade> trades = new ArrayList<>();
    /** The units of the open position, all on one side; empty when flat. */
    private final List<Position> units = new ArrayList<>();
    private double cash;
    private Order pending = Order.NONE;
    private ExitReason pendingReason;
    private double entryStop = Double.NaN;
    private double exitStop = Double.NaN;

    private enum Order { NONE, ENTER, EXIT }

    private Simulator(PriceSeries bars, CompiledStrategy strategy, double capital, FillTiming fillTiming) {
        this.bars = bars;
        this.strategy = strategy;
        this.definition = strategy.definition();
        this.fillTiming = fillTiming;
        this.direction = definition.direction().sign();
        this.risk = definition.risk();
        Costs costs = definition.costs();
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
            boolean held = !units.isEmpty();
            fillEntryStopAtOpen(i);
            if (!held) {
                fillEntryStopIntrabar(i);
            }
            int closedBefore = trades.size();
            checkStopsAndTargets(i);
            if (held) {
                addUnitIntrabar(i, trades.size() == closedBefore);
            }
            entryStop = Double.NaN;
            for (Position unit : units) {
                if (!(unit.enteredIntrabar && unit.entryBar == i)) {
                    unit.follow(bars.high(i), bars.low(i));
                }
            }
            if (i == to) {
                exitAll(i, bars.close(i), ExitReason.END_OF_DATA);
            } else {
                decideOnClose(i);
            }
            times[i - from] = bars.time(i);
            equity[i - from] = cash + unrealized(bars.close(i));
            inMarket[i - from] = !units.isEmpty();
        }
        return new SimulationResult(List.copyOf(trades), new EquityCurve(times, equity, inMarket));
    }

    private void fillPendingAtOpen(int i) {
        if (pending == Order.EXIT && !units.isEmpty()) {
            exitAll(i, bars.open(i), pendingReason);
        } else if (pending == Order.ENTER && canEnter()) {
            enter(i, bars.open(i), i - 1, direction, false);
        }
        pending = Order.NONE;
    }

    /**
     * A buy stop (long) or sell stop (short) placed on the previous close at the entry level, when the bar opens
     * beyond it: filled at the open, before anything else happens in the bar.
     */
    private void fillEntryStopAtOpen(int i) {
        if (!Double.isNaN(entryStop) && canEnter() && direction * (bars.open(i) - entryStop) >= 0) {
            enter(i, bars.open(i), i - 1, direction, false);
            entryStop = Double.NaN;
        }
    }

    /** The entry stop filled at its level when the bar trades through it; whether a unit was added. */
    private boolean fillEntryStopIntrabar(int i) {
        double level = entryStop;
        entryStop = Double.NaN;
        if (Double.isNaN(level) || !canEnter()
                || direction * ((direction > 0 ? bars.high(i) : bars.low(i)) - level) < 0) {
            return false;
        }
        int before = units.size();
        enter(i, level, i - 1, direction, true);
        return units.size() > before;
    }

    /**
     * A pyramiding add-on at the entry stop during the bar, after the stops of the position held at the open were
     * checked: none when any of its units was closed in this bar (see the class comment); an added unit's own stop
     * is then checked as for any unit filled at a level.
     */
    private void addUnitIntrabar(int i, boolean nothingClosed) {
        if (!nothingClosed || !fillEntryStopIntrabar(i)) {
            return;
        }
        Position added = units.getLast();
        StopFill fill = stopOfUnitEnteredIntrabar(i, added);
        if (fill != null) {
            exit(added, i, fill.price(), fill.reason());
        }
    }

    private boolean canEnter() {
        return units.isEmpty() || !reversed() && units.size() < definition.maxUnits();
    }

    /**
     * The open position is on the side opposite the strategy's direction, so it came from a stop and reverse: the
     * entry and exit rules speak for the other side and no unit is added to it. After an even number of turns the
     * position is on the strategy's side again and its rules apply.
     */
    private boolean reversed() {
        return !units.isEmpty() && units.getFirst().sign != direction;
    }

    private void checkStopsAndTargets(int i) {
        if (units.isEmpty()) {
            return;
        }
        boolean exitStopFilled = false;
        int side = 0;
        double exitStopPrice = Double.NaN;
        for (Position unit : List.copyOf(units)) {
            side = unit.sign;
            StopFill fill = unit.enteredIntrabar && unit.entryBar == i ? stopOfUnitEnteredIntrabar(i, unit)
                    : stopOrTarget(i, unit);
            if (fill != null) {
                exit(unit, i, fill.price(), fill.reason());
                if (fill.reason() == ExitReason.EXIT_STOP) {
                    exitStopFilled = true;
                    exitStopPrice = fill.price();
                }
            }
        }
        if (exitStopFilled && units.isEmpty() && definition.reverses()) {
            enter(i, exitStopPrice, Math.max(i - 1, 0), -side, true);
            for (Position unit : List.copyOf(units)) {
                StopFill fill = stopOfUnitEnteredIntrabar(i, unit);
                if (fill != null) {
                    exit(unit, i, fill.price(), fill.reason());
                }
            }
        }
    }

    private record StopFill(double price, ExitReason reason) {
    }

    /**
     * A unit filled at a level during this bar: the bar does not tell whether its extremes came before or after the
     * fill, so its fixed stop is assumed reached if the bar reached it (the pessimistic choice); the target, trailing
     * stop and exit stop start on the next bar.
     */
    private StopFill stopOfUnitEnteredIntrabar(int i, Position unit) {
        double stop = unit.fixedStop;
        double adverse = unit.sign > 0 ? bars.low(i) : bars.high(i);
        return !Double.isNaN(stop) && unit.sign * (adverse - stop) <= 0 ? new StopFill(stop, ExitReason.STOP_LOSS) : null;
    }

    private StopFill stopOrTarget(int i, Position unit) {
        int sign = unit.sign;
        double open = bars.open(i);
        // units entered at this open have no gap to fear from their own stop, set from that very fill
        boolean openedBefore = unit.entryBar < i;
        double own = unit.stopLevel();
        double stop = unit.tighter(own, exitStop);
        if (!Double.isNaN(stop)) {
            boolean exitStopBinds = !Double.isNaN(exitStop) && stop == exitStop && (Double.isNaN(own) || own != stop);
            ExitReason reason = exitStopBinds ? ExitReason.EXIT_STOP : unit.stopReason();
            // the exit stop was placed before this open, so it can be gapped even on the entry bar
            if ((openedBefore || exitStopBinds) && sign * (open - stop) <= 0) {
                return new StopFill(open, reason);
            }
            if (sign * ((sign > 0 ? bars.low(i) : bars.high(i)) - stop) <= 0) {
                return new StopFill(stop, reason);
            }
        }
        double target = unit.target;
        if (!Double.isNaN(target)) {
            if (openedBefore && sign * (open - target) >= 0) {
                return new StopFill(open, ExitReason.TAKE_PROFIT);
            }
            if (sign * ((sign > 0 ? bars.high(i) : bars.low(i)) - target) >= 0) {
                return new StopFill(target, ExitReason.TAKE_PROFIT);
            }
        }
        return null;
    }

    private void decideOnClose(int i) {
        exitStop = CompiledStrategy.level(strategy.exitStop(), i);
        if (!units.isEmpty()) {
            if (!reversed() && strategy.exit().isTrue(i)) {
                order(i, Order.EXIT, ExitReason.SIGNAL);
                return;
            }
            if (risk.maxBars() != null && barsHeldAfter(i) >= risk.maxBars()) {
                order(i, Order.EXIT, ExitReason.TIME);
                return;
            }
        }
        if (!canEnter() || !strategy.entry().isTrue(i)) {
            return;
        }
        if (strategy.entryStop() != null) {
            entryStop = CompiledStrategy.level(strategy.entryStop(), i);
        } else {
            order(i, Order.ENTER, null);
        }
    }

    /** Bars the position (from its first unit) will have been held when an exit decided on bar i's close is filled. */
    private int barsHeldAfter(int i) {
        return i - units.getFirst().entryBar + (fillTiming == FillTiming.NEXT_OPEN ? 1 : 0);
    }

    private void order(int i, Order order, ExitReason reason) {
        if (fillTiming == FillTiming.SIGNAL_CLOSE) {
            if (order == Order.EXIT) {
                exitAll(i, bars.close(i), reason);
            } else {
                enter(i, bars.close(i), i, direction, false);
            }
        } else {
            pending = order;
            pendingReason = reason;
        }
    }

    private void enter(int bar, double price, int signalBar, int sign, boolean intrabar) {
        double fill = price * (1 + sign * slippage);
        double equity = cash + unrealized(price);
        if (equity <= 0 || !(fill > 0)) {
            return;
        }
        double stop = initialStop(fill, signalBar, sign);
        double quantity = quantity(equity, exposure(price), fill, stop);
        if (!(quantity > 0)) {
            return;
        }
        double entryCommission = quantity * fill * commission;
        cash -= entryCommission;
        units.add(new Position(bar, fill, quantity, entryCommission, stop, target(fill, stop, sign),
                risk.trailingStop() == null ? Double.NaN : risk.trailingStop().percent() / 100, sign, intrabar));
    }

    /** Each unit is sized on the equity of the moment; all units together never exceed it (no leverage). */
    private double quantity(double equity, double exposure, double fill, double stop) {
        double affordable = Math.max(equity - exposure, 0) / (fill * (1 + commission));
        Sizing sizing = definition.sizing();
        if (sizing.fractionOfEquity() != null) {
            return Math.min(affordable, equity * sizing.fractionOfEquity() / (fill * (1 + commission)));
        }
        double perUnitRisk = Math.abs(fill - stop);
        return perUnitRisk > 0 ? Math.min(affordable, equity * sizing.riskPerTrade() / perUnitRisk) : 0;
    }

    private double initialStop(double fill, int signalBar, int sign) {
        Risk.StopLoss stop = risk.stopLoss();
        if (stop == null) {
            return Double.NaN;
        }
        double distance = stop.percent() != null ? fill * stop.percent() / 100
                : stop.atrMultiple() * strategy.stopAtr()[signalBar];
        return fill - sign * distance;
    }

    private double target(double fill, double stop, int sign) {
        Risk.TakeProfit target = risk.takeProfit();
        if (target == null) {
            return Double.NaN;
        }
        double distance = target.percent() != null ? fill * target.percent() / 100
                : target.rMultiple() * Math.abs(fill - stop);
        return fill + sign * distance;
    }

    private double unrealized(double price) {
        double sum = 0;
        for (Position unit : units) {
            sum += unit.unrealized(price);
        }
        return sum;
    }

    private double exposure(double price) {
        double sum = 0;
        for (Position unit : units) {
            sum += unit.quantity * price;
        }
        return sum;
    }

    private void exitAll(int bar, double price, ExitReason reason) {
        for (Position unit : List.copyOf(units)) {
            exit(unit, bar, price, reason);
        }
    }

    private void exit(Position unit, int bar, double price, ExitReason reason) {
        double fill = price * (1 - unit.sign * slippage);
        double gross = unit.sign * unit.quantity * (fill - unit.entryPrice);
        double exitCommission = unit.quantity * fill * commission;
        cash += gross - exitCommission;
        double pnl = gross - unit.entryCommission - exitCommission;
        trades.add(new Trade(unit.sign > 0 ? Direction.LONG : Direction.SHORT, bars.time(unit.entryBar), unit.entryPrice,
                bars.time(bar), fill, unit.quantity, pnl, 100 * pnl / (unit.quantity * unit.entryPrice),
                unit.entryCommission + exitCommission, bar - unit.entryBar, reason));
        units.remove(unit);
        if (units.isEmpty()) {
            pending = Order.NONE;
        }
    }
}
