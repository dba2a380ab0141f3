package io.tradingedu.backtesting.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.backtesting.engine.PriceBar;
import io.tradingedu.backtesting.engine.PriceSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuyAndHoldSharpeTest {

    private static final Instant DAY0 = Instant.parse("2020-01-01T00:00:00Z");

    /**
     * Closes 100, 110, 99, 108.9 on four consecutive days: returns +0.1, −0.1, +0.1; mean 1/30; sample sd =
     * √(0.026667 / 2) = 0.11547; three returns over 3 days: P = 365.25; Sharpe = (1/30) / 0.11547 × √365.25 = 5.5171.
     * The bars before and after the period (50 and 10) must not count.
     */
    @Test
    void buyAndHoldSharpeUsesTheClosesOfTheGivenBarsOnly() {
        PriceSeries series = PriceSeries.of("X", Duration.ofDays(1), List.of(bar(0, 50), bar(1, 100), bar(2, 110),
                bar(3, 99), bar(4, 108.9), bar(5, 10)));

        assertThat(PipelineBacktester.buyAndHoldSharpe(series, 1, 4)).isCloseTo(5.5171, within(1e-4));
    }

    private static PriceBar bar(int day, double close) {
        return new PriceBar(day(day), close, close, close, close, 0);
    }

    private static Instant day(int i) {
        return DAY0.plus(Duration.ofDays(i));
    }
}
