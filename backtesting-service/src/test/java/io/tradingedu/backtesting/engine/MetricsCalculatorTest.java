package io.tradingedu.backtesting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.shared.strategy.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed: equity 100 → 110 → 99 → 121, one year apart (so P = 1 bar per year).
 * Returns r = 0.1, -0.1, 0.2222…; mean 0.074074; sample sd 0.162668; downside deviation √((0.1²)/3) = 0.057735.
 */
class MetricsCalculatorTest {

    private static final Offset<Double> CLOSE = within(1e-6);
    private static final Duration YEAR = Duration.ofSeconds((long) (365.25 * 86_400));
    private static final Instant T0 = Instant.parse("2000-01-01T00:00:00Z");

    private static Instant year(int i) {
        return T0.plus(YEAR.multipliedBy(i));
    }

    private static Trade trade(double pnl, double pnlPercent, int barsHeld) {
        return new Trade(Direction.LONG, T0, 1, T0, 1, 1, pnl, pnlPercent, 0, barsHeld, ExitReason.SIGNAL);
    }

    private final EquityCurve curve = new EquityCurve(
            new Instant[] {year(0), year(1), year(2), year(3)},
            new double[] {100, 110, 99, 121},
            new boolean[] {false, true, true, false});
    private final List<Trade> trades = List.of(trade(20, 2.0, 2), trade(-10, -1.0, 1), trade(15, 1.5, 3));
    private final Metrics metrics = MetricsCalculator.compute(curve, trades, 50, 60);

    @Test
    void returnsAndRiskFromTheEquityCurve() {
        assertThat(metrics.totalReturn()).isCloseTo(0.21, CLOSE);
        assertThat(metrics.cagr()).isCloseTo(Math.cbrt(1.21) - 1, CLOSE);
        assertThat(metrics.annualVolatility()).isCloseTo(0.16266808, CLOSE);
        assertThat(metrics.sharpe()).isCloseTo(0.45536944, CLOSE);
        assertThat(metrics.sortino()).isCloseTo(1.28300060, CLOSE);
        assertThat(metrics.maxDrawdown()).isCloseTo(0.1, CLOSE);
        assertThat(metrics.calmar()).isCloseTo(0.65602237, CLOSE);
        assertThat(metrics.maxDrawdownBars()).isEqualTo(2);
        assertThat(metrics.maxDrawdownDays()).isEqualTo(730);
        assertThat(metrics.exposure()).isCloseTo(0.5, CLOSE);
        assertThat(metrics.buyAndHoldReturn()).isCloseTo(0.2, CLOSE);
    }

    @Test
    void tradeStatistics() {
        assertThat(metrics.trades()).isEqualTo(3);
        assertThat(metrics.winRate()).isCloseTo(2 / 3.0, CLOSE);
        assertThat(metrics.profitFactor()).isCloseTo(35 / 10.0, CLOSE);
        assertThat(metrics.expectancy()).isCloseTo(25 / 3.0, CLOSE);
        assertThat(metrics.averageTradePercent()).isCloseTo(2.5 / 3, CLOSE);
        assertThat(metrics.averageBarsHeld()).isCloseTo(2.0, CLOSE);
        // √3 × mean(2, -1, 1.5) / sd(2, -1, 1.5) = √3 × 0.8333 / 1.6073
        assertThat(metrics.sqn()).isCloseTo(0.89802651, CLOSE);
    }

    @Test
    void momentsOfThePerBarReturns() {
        // m2 = Σ(r − 0.074074)² / 3 = 0.0176406, m3 = -0.000668597, m4 = 0.000466786;
        // skewness m3 / m2^1.5 = -0.285361; kurtosis m4 / m2² = 1.5 (any three values give 1.5)
        assertThat(metrics.returnsSkewness()).isCloseTo(-0.28536088, CLOSE);
        assertThat(metrics.returnsKurtosis()).isCloseTo(1.5, CLOSE);
        assertThat(metrics.returnCount()).isEqualTo(3);
        assertThat(metrics.periodsPerYear()).isCloseTo(1.0, CLOSE);
    }

    @Test
    void kurtosisIsNotInExcessAndSkewHasTheSignOfTheLongTail() {
        // returns 0.1, 0.1, 0.1, -0.2: mean 0.025, m2 = 0.016875, m3 = -0.00253125, m4 = 0.000664453125
        // skewness = -2/√3, kurtosis = 7/3
        EquityCurve curve = new EquityCurve(new Instant[] {year(0), year(1), year(2), year(3), year(4)},
                new double[] {100, 110, 121, 133.1, 106.48}, new boolean[5]);

        Metrics m = MetricsCalculator.compute(curve, List.of(), 1, 1);

        assertThat(m.returnsSkewness()).isCloseTo(-2 / Math.sqrt(3), CLOSE);
        assertThat(m.returnsKurtosis()).isCloseTo(7 / 3.0, CLOSE);
        assertThat(m.byName("return_count")).isEqualTo(4.0);
        assertThat(m.byName("periods_per_year")).isCloseTo(1.0, CLOSE);
    }

    @Test
    void everyNamedMetricCanBeReadByItsName() {
        assertThat(Metrics.NAMES).allSatisfy(name -> assertThat(metrics.byName(name)).isNotNull());
        assertThat(metrics.byName("max_drawdown")).isEqualTo(metrics.maxDrawdown());
    }

    @Test
    void undefinedMetricsAreNullNotInfinite() {
        EquityCurve flat = new EquityCurve(new Instant[] {year(0), year(1)}, new double[] {100, 100},
                new boolean[] {false, false});

        Metrics none = MetricsCalculator.compute(flat, List.of(trade(5, 1, 1)), 10, 10);

        assertThat(none.sharpe()).isNull();
        assertThat(none.sortino()).isNull();
        assertThat(none.calmar()).isNull();
        assertThat(none.profitFactor()).isNull();
        assertThat(none.sqn()).isNull();
        assertThat(none.maxDrawdown()).isZero();
        assertThat(none.returnsSkewness()).isNull();
        assertThat(none.returnsKurtosis()).isNull();
        assertThat(none.returnCount()).isEqualTo(1);
    }

    @Test
    void drawdownDurationRunsUntilTheEquityRecoversOrTheDataEnds() {
        EquityCurve curve = new EquityCurve(new Instant[] {year(0), year(1), year(2), year(3), year(4)},
                new double[] {100, 90, 100, 120, 80}, new boolean[5]);

        Metrics m = MetricsCalculator.compute(curve, List.of(), 1, 1);

        assertThat(m.maxDrawdown()).isCloseTo(1 - 80 / 120.0, CLOSE);
        assertThat(m.maxDrawdownBars()).isEqualTo(2);
    }
}
