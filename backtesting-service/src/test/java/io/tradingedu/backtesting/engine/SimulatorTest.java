package io.tradingedu.backtesting.engine;

import static io.tradingedu.backtesting.engine.Bars.bar;
import static io.tradingedu.backtesting.engine.Bars.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.shared.strategy.Direction;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyText;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final Offset<Double> CENT = within(1e-6);

    private static SimulationResult run(PriceSeries bars, String strategy) {
        return run(bars, strategy, FillTiming.NEXT_OPEN);
    }

    private static SimulationResult run(PriceSeries bars, String strategy, FillTiming fillTiming) {
        StrategyDefinition definition = StrategyText.parse(strategy);
        CompiledStrategy compiled = CompiledStrategy.compile(definition, new IndicatorCache(bars));
        return Simulator.run(bars, compiled, 0, bars.size() - 1, 1000, fillTiming);
    }

    @Test
    void smaCrossoverEntersAndExitsAtTheOpensAfterTheCrosses() {
        // SMA(2) and SMA(3) of the closes: the fast one crosses above on bar 4 (11.5 > 11 after 10 = 10)
        // and below on bar 7 (12 < 13 after 14.5 ≥ 14).
        PriceSeries bars = Bars.of(
                bar(10, 11, 9, 10), bar(10, 11, 9, 10), bar(10, 11, 9, 10), bar(10, 11, 9, 10),
                bar(10.5, 13.5, 10, 13), bar(14.5, 15.5, 14, 15), bar(15, 15, 13.5, 14), bar(13.5, 14, 9.5, 10),
                bar(7.5, 9, 7, 8), bar(8, 9, 7.5, 8));

        SimulationResult result = run(bars, """
                entry: SMA(2) crosses above SMA(3)
                exit: SMA(2) crosses below SMA(3)
                """);

        Trade trade = result.trades().getFirst();
        assertThat(result.trades()).hasSize(1);
        assertThat(trade.entryTime()).isEqualTo(day(5));
        assertThat(trade.entryPrice()).isEqualTo(14.5);
        assertThat(trade.exitTime()).isEqualTo(day(8));
        assertThat(trade.exitPrice()).isEqualTo(7.5);
        assertThat(trade.quantity()).isCloseTo(1000 / 14.5, CENT);
        assertThat(trade.pnl()).isCloseTo(1000 / 14.5 * (7.5 - 14.5), CENT);
        assertThat(trade.pnlPercent()).isCloseTo(100 * (7.5 / 14.5 - 1), CENT);
        assertThat(trade.barsHeld()).isEqualTo(3);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.SIGNAL);
        assertThat(result.equity().equity()[9]).isCloseTo(1000 + trade.pnl(), CENT);
    }

    @Test
    void cannotProfitFromKnowingTheCloseOfTheEntryBar() {
        // Bars alternate: up from 100 to 110, then down from 110 back to 100. "close > open" is only known at the
        // close; entering at that bar's open would win every time, entering at the next open loses every time.
        double[][] ohlc = new double[40][];
        for (int i = 0; i < ohlc.length; i++) {
            ohlc[i] = i % 2 == 0 ? bar(100, 110, 100, 110) : bar(110, 110, 100, 100);
        }
        PriceSeries bars = Bars.of(ohlc);

        SimulationResult result = run(bars, "entry: close > open\nmax_bars: 1");

        assertThat(result.trades()).hasSize(20).allSatisfy(trade -> {
            assertThat(trade.entryPrice()).isEqualTo(110);
            assertThat(trade.exitPrice()).isEqualTo(100);
            assertThat(trade.pnl()).isNegative();
        });
        assertThat(result.equity().equity()[39]).isLessThan(1000);
    }

    @Test
    void stopIsFilledAtItsPriceWhenTheBarTradesThroughIt() {
        PriceSeries bars = Bars.of(bar(100, 101, 99, 100), bar(100, 102, 99, 101), bar(101, 103, 100, 102),
                bar(100, 100, 94, 96), bar(96, 97, 95, 96));

        SimulationResult result = run(bars, "entry: close > 100.5\nexit: stop_loss_hit\nstop_loss: 5%");

        Trade trade = result.trades().getFirst();
        assertThat(trade.entryPrice()).isEqualTo(101);
        assertThat(trade.exitPrice()).isCloseTo(101 * 0.95, CENT);
        assertThat(trade.exitTime()).isEqualTo(day(3));
        assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    }

    @Test
    void gapThroughTheStopIsFilledAtTheOpen() {
        PriceSeries bars = Bars.of(bar(100, 101, 99, 100), bar(100, 102, 99, 101), bar(101, 103, 100, 102),
                bar(90, 92, 88, 91), bar(91, 92, 90, 91));

        SimulationResult result = run(bars, "entry: close > 100.5\nexit: stop_loss_hit\nstop_loss: 5%");

        Trade trade = result.trades().getFirst();
        assertThat(trade.exitPrice()).isEqualTo(90);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    }

    @Test
    void stopIsAssumedBeforeTargetWhenOneBarReachesBoth() {
        PriceSeries bars = Bars.of(bar(100, 101, 99, 100), bar(100, 102, 99, 101), bar(101, 112, 94, 100),
                bar(100, 100, 99, 99));

        SimulationResult result = run(bars, "entry: close > 100.5\nstop_loss: 5%\ntake_profit: 10%");

        assertThat(result.trades().getFirst().exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    }

    @Test
    void takeProfitInRMultiplesOfTheStop() {
        PriceSeries bars = Bars.of(bar(100, 101, 99, 100), bar(100, 102, 99, 101), bar(100, 101, 99, 100),
                bar(100, 105, 99, 104), bar(104, 105, 103, 104));

        SimulationResult result = run(bars, "entry: close > 100.5\nstop_loss: 2%\ntake_profit: 2R");

        Trade trade = result.trades().getFirst();
        assertThat(trade.entryPrice()).isEqualTo(100);
        assertThat(trade.exitPrice()).isCloseTo(104, CENT);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
    }

    @Test
    void costsLowerProfitByExactlyTheCommissionAndSlippage() {
        PriceSeries bars = Bars.closes(100, 101, 102, 103, 104, 105);
        String rules = "entry: close > 100.5\nmax_bars: 2\n";

        Trade free = run(bars, rules).trades().getFirst();
        Trade costly = run(bars, rules + "commission_bps: 10\nslippage_bps: 20").trades().getFirst();

        double entry = 101 * 1.002;
        double exit = 103 * 0.998;
        double quantity = 1000 / (entry * 1.001);
        double commission = quantity * entry * 0.001 + quantity * exit * 0.001;
        assertThat(free.pnl()).isCloseTo(1000 / 101.0 * 2, CENT);
        assertThat(costly.entryPrice()).isCloseTo(entry, CENT);
        assertThat(costly.exitPrice()).isCloseTo(exit, CENT);
        assertThat(costly.commission()).isCloseTo(commission, CENT);
        assertThat(costly.pnl()).isCloseTo(quantity * (exit - entry) - commission, CENT);
    }

    @Test
    void shortTradeProfitsWhenThePriceFalls() {
        PriceSeries bars = Bars.closes(100, 99, 95, 90, 92, 91);

        SimulationResult result = run(bars, "direction: short\nentry: close < 99.5\nexit: close rising 1");

        Trade trade = result.trades().getFirst();
        assertThat(trade.side()).isEqualTo(Direction.SHORT);
        assertThat(trade.entryPrice()).isEqualTo(99);
        assertThat(trade.exitPrice()).isEqualTo(92);
        assertThat(trade.pnl()).isCloseTo(1000 / 99.0 * 7, CENT);
        assertThat(result.equity().equity()[3]).isCloseTo(1000 + 1000 / 99.0 * 9, CENT);
    }

    @Test
    void shortStopIsAboveTheEntry() {
        PriceSeries bars = Bars.of(bar(100, 101, 99, 100), bar(100, 100, 98, 99), bar(99, 104.5, 98, 104),
                bar(104, 105, 103, 104));

        SimulationResult result = run(bars, "direction: short\nentry: close < 99.5\nstop_loss: 5%");

        Trade trade = result.trades().getFirst();
        assertThat(trade.exitPrice()).isCloseTo(99 * 1.05, CENT);
        assertThat(trade.pnl()).isCloseTo(-1000 / 99.0 * 99 * 0.05, CENT);
    }

    @Test
    void timeExitClosesAfterMaxBars() {
        PriceSeries bars = Bars.closes(100, 101, 102, 103, 104, 105, 106);

        SimulationResult result = run(bars, "entry: close > 100.5 and close < 101.5\nmax_bars: 3");

        Trade trade = result.trades().getFirst();
        assertThat(trade.entryTime()).isEqualTo(day(2));
        assertThat(trade.exitTime()).isEqualTo(day(5));
        assertThat(trade.barsHeld()).isEqualTo(3);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.TIME);
    }

    @Test
    void trailingStopFollowsTheHighestHighOfFinishedBars() {
        PriceSeries bars = Bars.of(bar(100, 101, 99, 100), bar(100, 102, 99, 101), bar(101, 120, 100, 119),
                bar(119, 119, 107, 110), bar(110, 111, 109, 110));

        SimulationResult result = run(bars, "entry: close > 100.5\ntrailing_stop: 10%");

        Trade trade = result.trades().getFirst();
        assertThat(trade.exitTime()).isEqualTo(day(3));
        assertThat(trade.exitPrice()).isCloseTo(108, CENT);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
    }

    @Test
    void riskSizingLosesTheChosenFractionAtTheStop() {
        PriceSeries bars = Bars.of(bar(100, 101, 99, 100), bar(100, 102, 99, 101), bar(100, 101, 99, 100),
                bar(100, 100, 97, 98), bar(98, 99, 97, 98));

        SimulationResult result = run(bars, "entry: close > 100.5\nstop_loss: 2%\nsize: risk 1%");

        assertThat(result.trades().getFirst().quantity()).isCloseTo(1000 * 0.01 / 2, CENT);
        assertThat(result.trades().getFirst().pnl()).isCloseTo(-10, CENT);
    }

    @Test
    void fillingAtTheSignalCloseIsAvailableOnRequest() {
        PriceSeries bars = Bars.closes(100, 101, 102, 103);

        List<Trade> trades = run(bars, "entry: close > 100.5\nmax_bars: 1", FillTiming.SIGNAL_CLOSE).trades();

        assertThat(trades.getFirst().entryTime()).isEqualTo(day(1));
        assertThat(trades.getFirst().entryPrice()).isEqualTo(101);
        assertThat(trades.getFirst().exitPrice()).isEqualTo(102);
    }

    @Test
    void openPositionIsClosedAtTheLastClose() {
        PriceSeries bars = Bars.closes(100, 101, 102, 103);

        Trade trade = run(bars, "entry: close > 100.5\nmax_bars: 10").trades().getFirst();

        assertThat(trade.exitPrice()).isEqualTo(103);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
    }
}
