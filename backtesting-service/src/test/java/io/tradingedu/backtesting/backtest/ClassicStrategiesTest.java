package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.backtesting.engine.BacktestEngine;
import io.tradingedu.backtesting.engine.ExitReason;
import io.tradingedu.backtesting.engine.FillTiming;
import io.tradingedu.backtesting.engine.IndicatorCache;
import io.tradingedu.backtesting.engine.PriceSeries;
import io.tradingedu.backtesting.engine.Trade;
import io.tradingedu.backtesting.marketdata.RealMarketData;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classic published strategies issue 9 names, in the exact compact text stage 8 writes for them
 * (StrategyQualityTableTest in orchestrator-service), backtested on the real S&P 500 daily series 2000–2020: each
 * trades, and its fills are the ones the rules imply, recomputed here by plain arithmetic.
 */
class ClassicStrategiesTest {

    private final PriceSeries spx = RealMarketData.sp500();

    /** Connors' RSI(2): every entry follows a close above the 200-day average; every signal exit a close above SMA(5). */
    @Test
    void rsiTwoDipBuysAboveTheTwoHundredDayAverageAndExitsAboveTheFiveDay() {
        List<Trade> trades = run("""
                entry: RSI(2) < 5
                entry: close > SMA(200)
                exit: close > SMA(5)
                """);

        assertThat(trades).hasSizeGreaterThan(20);
        for (Trade trade : trades) {
            int fill = spx.indexAtOrAfter(trade.entryTime());
            assertThat(spx.close(fill - 1)).as("close before %s", trade.entryTime())
                    .isGreaterThan(sma(200, fill - 1));
            assertThat(trade.entryPrice()).isEqualTo(spx.open(fill));
            if (trade.exitReason() == ExitReason.SIGNAL) {
                int exit = spx.indexAtOrAfter(trade.exitTime());
                assertThat(spx.close(exit - 1)).as("close before %s", trade.exitTime()).isGreaterThan(sma(5, exit - 1));
            }
        }
    }

    /**
     * The 20-day breakout: each entry is a buy stop at the highest high of the 20 bars up to the signal bar, filled
     * at that level or at the open when the bar gaps above it; exits come from the 10-day low or the 2-ATR stop.
     */
    @Test
    void twentyDayBreakoutBuysAtTheChannelAndLeavesAtTheTenDayLowOrTheAtrStop() {
        List<Trade> trades = run("""
                entry_stop: HIGHEST(high, 20)
                exit_stop: LOWEST(low, 10)
                stop_loss: 2 ATR(20)
                """);

        assertThat(trades).hasSizeGreaterThan(20);
        for (Trade trade : trades) {
            int fill = spx.indexAtOrAfter(trade.entryTime());
            double level = highest(fill - 1, 20);
            assertThat(trade.entryPrice()).as("entry %s", trade.entryTime())
                    .isCloseTo(Math.max(level, spx.open(fill)), within(1e-9));
            assertThat(spx.high(fill)).isGreaterThanOrEqualTo(level);
            assertThat(trade.exitReason()).isIn(ExitReason.EXIT_STOP, ExitReason.STOP_LOSS, ExitReason.END_OF_DATA);
        }
    }

    @Test
    void goldenCrossTradesTheCrosses() {
        List<Trade> trades = run("""
                entry: SMA(50) crosses above SMA(200)
                exit: SMA(50) crosses below SMA(200)
                """);

        assertThat(trades).hasSizeBetween(5, 20);
        for (Trade trade : trades) {
            int fill = spx.indexAtOrAfter(trade.entryTime());
            assertThat(sma(50, fill - 1)).isGreaterThan(sma(200, fill - 1));
            assertThat(sma(50, fill - 2)).isLessThanOrEqualTo(sma(200, fill - 2));
        }
    }

    private List<Trade> run(String strategy) {
        return BacktestEngine.run(new IndicatorCache(spx), StrategyText.parse(strategy), 0, spx.size() - 1, 10_000,
                FillTiming.NEXT_OPEN, TestPlan.SINGLE).periods().getFirst().trades();
    }

    private double sma(int period, int end) {
        double sum = 0;
        for (int i = end - period + 1; i <= end; i++) {
            sum += spx.close(i);
        }
        return sum / period;
    }

    private double highest(int end, int bars) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = end - bars + 1; i <= end; i++) {
            max = Math.max(max, spx.high(i));
        }
        return max;
    }
}
