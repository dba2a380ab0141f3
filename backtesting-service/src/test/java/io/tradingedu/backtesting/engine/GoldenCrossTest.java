package io.tradingedu.backtesting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.backtesting.marketdata.RealMarketData;
import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.StrategyText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden cross on the real S&P 500 daily series 2000–2020: the engine's trades must be exactly the crosses of
 * SMA(50) and SMA(200) found by plain arithmetic here, each filled at the next bar's open.
 */
class GoldenCrossTest {

    private final PriceSeries spx = RealMarketData.sp500();

    @Test
    void tradesAreTheCrossesInTheData() {
        BacktestReport report = BacktestEngine.run(new IndicatorCache(spx), StrategyText.parse("""
                entry: SMA(50) crosses above SMA(200)
                exit: SMA(50) crosses below SMA(200)
                """), 0, spx.size() - 1, 10_000, FillTiming.NEXT_OPEN, TestPlan.SINGLE);

        List<Trade> trades = report.periods().getFirst().trades();
        List<Instant[]> expected = crossesByHand();
        assertThat(spx.size()).isGreaterThan(5_000);
        assertThat(trades).hasSizeBetween(5, 20).hasSize(expected.size());
        for (int i = 0; i < trades.size(); i++) {
            assertThat(trades.get(i).entryTime()).as("entry of trade %d", i + 1).isEqualTo(expected.get(i)[0]);
            assertThat(trades.get(i).exitTime()).as("exit of trade %d", i + 1).isEqualTo(expected.get(i)[1]);
        }
    }

    /** Entry and exit times: the bar after each up-cross while flat and after the next down-cross. */
    private List<Instant[]> crossesByHand() {
        int n = spx.size();
        double[] fast = sma(50);
        double[] slow = sma(200);
        List<Instant[]> trades = new ArrayList<>();
        Instant entry = null;
        for (int i = 200; i < n - 1; i++) {
            boolean up = fast[i] > slow[i] && fast[i - 1] <= slow[i - 1];
            boolean down = fast[i] < slow[i] && fast[i - 1] >= slow[i - 1];
            if (entry == null && up) {
                entry = spx.time(i + 1);
            } else if (entry != null && down) {
                trades.add(new Instant[] {entry, spx.time(i + 1)});
                entry = null;
            }
        }
        if (entry != null) {
            trades.add(new Instant[] {entry, spx.time(n - 1)});
        }
        return trades;
    }

    private double[] sma(int period) {
        double[] result = new double[spx.size()];
        for (int i = period - 1; i < spx.size(); i++) {
            double sum = 0;
            for (int j = i - period + 1; j <= i; j++) {
                sum += spx.close(j);
            }
            result[i] = sum / period;
        }
        return result;
    }
}
