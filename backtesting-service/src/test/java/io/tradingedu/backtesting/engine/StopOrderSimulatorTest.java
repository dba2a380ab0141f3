package io.tradingedu.backtesting.engine;

import static io.tradingedu.backtesting.engine.Bars.bar;
import static io.tradingedu.backtesting.engine.Bars.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.shared.strategy.Direction;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.StrategyText;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Stop orders, stop and reverse, and pyramiding, on tiny series whose fills are computed by hand. */
class StopOrderSimulatorTest {

    private static final Offset<Double> CENT = within(1e-6);

    private static SimulationResult run(PriceSeries bars, String strategy) {
        CompiledStrategy compiled = CompiledStrategy.compile(StrategyText.parse(strategy), new IndicatorCache(bars));
        return Simulator.run(bars, compiled, 0, bars.size() - 1, 1000, FillTiming.NEXT_OPEN);
    }

    @Test
    void entryStopIsFilledAtItsLevelOnTheFirstLaterBarThatTradesThroughIt() {
        // bar 1 closes above 10.5: a buy stop at its high, 12, for bar 2; bar 2 stays below (high 11.5), closes above
        // 10.5 again: a new stop at 11.5 for bar 3, which opens at 11.2 and trades through it
        PriceSeries bars = Bars.of(bar(10, 10.8, 9.5, 10), bar(10, 12, 9.8, 11), bar(11, 11.5, 10.5, 11.2),
                bar(11.2, 13, 11, 12.5), bar(12.5, 13, 12, 12.8), bar(12.8, 13.5, 12.5, 13));

        Trade trade = run(bars, "entry: close > 10.5\nentry_stop: high\nmax_bars: 10").trades().getFirst();

        assertThat(trade.entryTime()).isEqualTo(day(3));
        assertThat(trade.entryPrice()).isEqualTo(11.5);
        assertThat(trade.quantity()).isCloseTo(1000 / 11.5, CENT);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
    }

    @Test
    void entryStopGappedThroughIsFilledAtTheOpen() {
        PriceSeries bars = Bars.of(bar(10, 10.8, 9.5, 10), bar(10, 12, 9.8, 11), bar(12.5, 13, 12.2, 12.8),
                bar(12.8, 13, 12.5, 12.9));

        Trade trade = run(bars, "entry: close > 10.5\nentry_stop: high\nmax_bars: 10").trades().getFirst();

        assertThat(trade.entryTime()).isEqualTo(day(2));
        assertThat(trade.entryPrice()).isEqualTo(12.5);
    }

    @Test
    void aBreakoutOfThePreviousTwentyBarHighCannotSeeTheBarItTrades() {
        // the level of bar i's close is the highest high of bars i-20..i-1; bar 21 trades through 110 intrabar
        double[][] ohlc = new double[23][];
        for (int i = 0; i < ohlc.length; i++) {
            ohlc[i] = bar(100, i == 5 ? 110 : 101, 99, 100);
        }
        ohlc[21] = bar(100, 112, 99, 111);
        ohlc[22] = bar(111, 112, 110, 111);

        Trade trade = run(Bars.of(ohlc), "entry_stop: HIGHEST(high, 20)[1]\nmax_bars: 5").trades().getFirst();

        assertThat(trade.entryTime()).isEqualTo(day(21));
        assertThat(trade.entryPrice()).isEqualTo(110);
    }

    @Test
    void exitStopIsASellStopAtTheLevelOfThePreviousClose() {
        // long from bar 2's open (11); bar 2's low 10.6 is the stop for bar 3, which trades down to 10.2
        PriceSeries bars = Bars.of(bar(10, 10.8, 9.5, 10), bar(10, 12, 9.8, 11), bar(11, 11.8, 10.6, 11.5),
                bar(11.5, 11.9, 10.2, 10.4), bar(10.4, 10.5, 10, 10.1));

        Trade trade = run(bars, "entry: close > 10.5\nexit_stop: low").trades().getFirst();

        assertThat(trade.entryTime()).isEqualTo(day(2));
        assertThat(trade.entryPrice()).isEqualTo(11);
        assertThat(trade.exitTime()).isEqualTo(day(3));
        assertThat(trade.exitPrice()).isEqualTo(10.6);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.EXIT_STOP);
    }

    @Test
    void exitStopGappedThroughIsFilledAtTheOpen() {
        PriceSeries bars = Bars.of(bar(10, 10.8, 9.5, 10), bar(10, 12, 9.8, 11), bar(11, 11.8, 10.6, 11.5),
                bar(10.3, 10.5, 10.1, 10.4), bar(10.4, 10.5, 10, 10.1));

        Trade trade = run(bars, "entry: close > 10.5\nexit_stop: low").trades().getFirst();

        assertThat(trade.exitPrice()).isEqualTo(10.3);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.EXIT_STOP);
    }

    /** Bars that a stop and reverse turns on twice: down through 10 on bar 3, up through 10 on bar 5. */
    private static final PriceSeries TWO_TURNS = Bars.of(bar(10.2, 10.8, 10.1, 10.4), bar(10.4, 11, 10.3, 10.8),
            bar(10.8, 11, 10.5, 10.6), bar(10.6, 10.7, 9.5, 9.6), bar(9.6, 9.8, 9, 9.2), bar(9.2, 10.4, 9.1, 10.3),
            bar(10.5, 10.9, 10.2, 10.8));
    /** Exit stop levels of each close as a SAR places them: below the price while long, above it while short. */
    private static final double[] SAR_LEVELS = {9.5, 10, 10, 11, 10, 9.1, 9.1};

    /** The strategy compiled as usual, with its exit stop levels replaced by the given ones (a SAR drawn by hand). */
    private static SimulationResult runWithExitStopLevels(PriceSeries bars, String strategy, double[] levels) {
        CompiledStrategy compiled = CompiledStrategy.compile(StrategyText.parse(strategy), new IndicatorCache(bars));
        CompiledStrategy handLevels = new CompiledStrategy(compiled.definition(), compiled.entry(), compiled.exit(),
                compiled.stopAtr(), compiled.entryStop(), new IndicatorValues(levels, 0));
        return Simulator.run(bars, handLevels, 0, bars.size() - 1, 1000, FillTiming.NEXT_OPEN);
    }

    @Test
    void stopAndReverseTurnsThePositionAtTheExitStop() {
        // long at bar 2's open (10.8); bar 3 falls through 10: long out and short in at 10; the SAR jumps above the
        // price (11), then comes down to 10, and bar 5 rises through it: short out and long in at 10; the last bar
        // closes the long at 10.8
        SimulationResult result = runWithExitStopLevels(TWO_TURNS, "entry: close > 10.5\nexit_stop: PSAR\n"
                + "reverse: true", SAR_LEVELS);

        List<Trade> trades = result.trades();
        assertThat(trades).extracting(Trade::side).containsExactly(Direction.LONG, Direction.SHORT, Direction.LONG);
        assertThat(trades).extracting(Trade::entryPrice).containsExactly(10.8, 10.0, 10.0);
        assertThat(trades).extracting(Trade::exitPrice).containsExactly(10.0, 10.0, 10.8);
        assertThat(trades).extracting(Trade::exitReason)
                .containsExactly(ExitReason.EXIT_STOP, ExitReason.EXIT_STOP, ExitReason.END_OF_DATA);
        assertThat(trades.get(1).entryTime()).isEqualTo(day(3));
        assertThat(trades.get(1).exitTime()).isEqualTo(day(5));
        assertThat(trades.get(1).quantity()).isCloseTo((1000 - 1000 / 10.8 * 0.8) / 10, CENT);
        // -0.8 per unit on the first long, 0 on the short, +0.8 per unit on the second long of the same size
        assertThat(result.equity().equity()[6]).isCloseTo(1000, CENT);
    }

    @Test
    void afterTwoTurnsThePositionIsOnTheStrategysSideAndItsExitRuleAppliesAgain() {
        // as above; the exit rule (close < 10.5) is off for the short of bars 3-5 (it speaks for the long side), but
        // the long opened by the second turn on bar 5 closes at 10.3: out at bar 6's open, 10.5
        SimulationResult result = runWithExitStopLevels(TWO_TURNS, "entry: close > 10.5\nexit: close < 10.5\n"
                + "exit_stop: PSAR\nreverse: true", SAR_LEVELS);

        List<Trade> trades = result.trades();
        assertThat(trades).extracting(Trade::side).containsExactly(Direction.LONG, Direction.SHORT, Direction.LONG);
        assertThat(trades).extracting(Trade::exitReason)
                .containsExactly(ExitReason.EXIT_STOP, ExitReason.EXIT_STOP, ExitReason.SIGNAL);
        assertThat(trades.get(2).exitTime()).isEqualTo(day(6));
        assertThat(trades.get(2).exitPrice()).isEqualTo(10.5);
    }

    @Test
    void stopAndReverseIsRefusedWithALevelThatStaysOnOneSide() {
        // the review's probe: with the low as the level, the short's buy stop sits below the market and the
        // position turned on every bar (14 trades in 13 bars)
        double[][] ohlc = new double[14][];
        for (int i = 0; i < ohlc.length; i++) {
            ohlc[i] = i < 2 ? bar(10 + i, 10.6 + i, 9.9 + i, 10.5 + i) : bar(11.5, 11.8, 11.2, 11.5);
        }
        for (String level : List.of("low", "LOWEST(low, 3)[1]", "10", "PSAR[1]")) {
            assertThatThrownBy(() -> run(Bars.of(ohlc), "entry: close > 10.5\nexit_stop: " + level
                    + "\nreverse: true\ncommission_bps: 10"))
                    .isInstanceOf(InvalidStrategyException.class)
                    .hasMessageContaining("changes sides with the position itself, PSAR or SUPERTREND");
        }
    }

    @Test
    void pyramidingAddsAUnitOnARepeatedSignalUpToTheCap() {
        // every bar closes above its open; 40% of equity per unit, at most 2; max_bars counts from the first unit
        PriceSeries bars = Bars.closes(100, 101, 102, 103, 104, 105);

        List<Trade> trades = run(bars, "entry: close > open\npyramiding: 2\nsize: 40%\nmax_bars: 3").trades();

        double first = 400 / 101.0;
        double second = 0.4 * (1000 + first * (102 - 101)) / 102;
        assertThat(trades).hasSize(2);
        assertThat(trades).extracting(Trade::entryTime).containsExactly(day(2), day(3));
        assertThat(trades).extracting(Trade::entryPrice).containsExactly(101.0, 102.0);
        assertThat(trades.get(0).quantity()).isCloseTo(first, CENT);
        assertThat(trades.get(1).quantity()).isCloseTo(second, CENT);
        assertThat(trades).allSatisfy(trade -> {
            assertThat(trade.exitTime()).isEqualTo(day(5));
            assertThat(trade.exitPrice()).isEqualTo(104);
            assertThat(trade.exitReason()).isEqualTo(ExitReason.TIME);
        });
    }

    @Test
    void unitsNeverExceedEquityTogether() {
        PriceSeries bars = Bars.closes(100, 101, 102, 103, 104, 105);

        List<Trade> trades = run(bars, "entry: close > open\npyramiding: 3\nsize: 60%\nmax_bars: 3").trades();

        double first = 600 / 101.0;
        double equity = 1000 + first;
        assertThat(trades).hasSize(2);
        assertThat(trades.get(1).quantity()).isCloseTo((equity - first * 102) / 102, CENT);
    }

    @Test
    void aUnitAddedAtTheEntryStopDoesNotOutliveTheExitStopOfTheSameBar() {
        // bar 1 trades through the buy stop at bar 0's high (10.5): the first unit; bar 2 reaches both the add-on's
        // buy stop (bar 1's high, 10.8) and the exit stop (bar 1's low, 10.1): the position is closed at 10.1 and no
        // unit is added, since the bar does not tell which came first
        PriceSeries bars = Bars.of(bar(10, 10.5, 9.8, 10.2), bar(10.2, 10.8, 10.1, 10.6), bar(10.6, 11, 10, 10.3),
                bar(10.3, 10.4, 10.2, 10.35));

        List<Trade> trades = run(bars, "entry: close > open\nentry_stop: high\nexit_stop: low\npyramiding: 2\n"
                + "size: 40%").trades();

        assertThat(trades).singleElement().satisfies(trade -> {
            assertThat(trade.entryTime()).isEqualTo(day(1));
            assertThat(trade.entryPrice()).isEqualTo(10.5);
            assertThat(trade.exitTime()).isEqualTo(day(2));
            assertThat(trade.exitPrice()).isEqualTo(10.1);
            assertThat(trade.exitReason()).isEqualTo(ExitReason.EXIT_STOP);
        });
    }

    @Test
    void aUnitIsAddedAtTheEntryStopWhenThePositionSurvivesTheBar() {
        // as above, but bar 2 stays above the exit stop (low 10.2): the second unit is added at 10.8
        PriceSeries bars = Bars.of(bar(10, 10.5, 9.8, 10.2), bar(10.2, 10.8, 10.1, 10.6), bar(10.6, 11, 10.2, 10.3),
                bar(10.3, 10.4, 10.25, 10.35));

        List<Trade> trades = run(bars, "entry: close > open\nentry_stop: high\nexit_stop: low\npyramiding: 2\n"
                + "size: 40%").trades();

        assertThat(trades).extracting(Trade::entryPrice).containsExactly(10.5, 10.8);
        assertThat(trades).extracting(Trade::exitReason).containsOnly(ExitReason.END_OF_DATA);
    }
}
