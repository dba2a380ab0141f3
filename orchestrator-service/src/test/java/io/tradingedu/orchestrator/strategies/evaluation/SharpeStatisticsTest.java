package io.tradingedu.orchestrator.strategies.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The probabilistic and deflated Sharpe ratios against values computed by hand from the published formulas (Bailey
 * &amp; López de Prado 2012, 2014); normal quantiles from tables.
 */
class SharpeStatisticsTest {

    @Test
    void normalDistributionMatchesTheTables() {
        assertThat(SharpeStatistics.normalCdf(0)).isEqualTo(0.5);
        assertThat(SharpeStatistics.normalCdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
        assertThat(SharpeStatistics.normalCdf(-1)).isCloseTo(0.15865525393145707, within(1e-14));
        assertThat(SharpeStatistics.inverseNormalCdf(0.99)).isCloseTo(2.3263478740408408, within(1e-12));
        assertThat(SharpeStatistics.inverseNormalCdf(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(SharpeStatistics.inverseNormalCdf(0.001)).isCloseTo(-3.090232306167813, within(1e-12));
    }

    /**
     * PSR(0) for a per-bar Sharpe ratio 0.1 over 253 returns with skewness −0.5 and kurtosis 5, by hand:
     * numerator (0.1 − 0) × √252 = 1.5874508; denominator √(1 − (−0.5)(0.1) + (5 − 1)/4 × 0.1²) = √1.06 = 1.0295630;
     * z = 1.5418685; Φ(z) = 0.9384472.
     */
    @Test
    void probabilisticSharpeRatioAsComputedByHand() {
        assertThat(SharpeStatistics.probabilisticSharpe(0.1, 0, 253, -0.5, 5)).isCloseTo(0.9384472, within(1e-7));
    }

    /**
     * Fat tails and negative skew lower the confidence: the same Sharpe ratio with normal returns (skewness 0,
     * kurtosis 3): denominator √(1 + 2/4 × 0.01) = √1.005 = 1.0024969; z = 1.5834970; Φ(z) = 0.9433459.
     */
    @Test
    void normalReturnsGiveMoreConfidenceThanFatTailedOnes() {
        assertThat(SharpeStatistics.probabilisticSharpe(0.1, 0, 253, 0, 3)).isCloseTo(0.9433459, within(1e-7));
    }

    /**
     * The numerical example of "The Deflated Sharpe Ratio" (Bailey &amp; López de Prado 2014, section 4): an annualised
     * Sharpe ratio of 2.5 found as the best of N = 100 trials whose annualised Sharpe ratios have variance 0.5,
     * T = 1,250 daily returns (250 a year), skewness −3, kurtosis 10. By hand: per-bar SR = 2.5/√250 = 0.1581139,
     * V = 0.5/250 = 0.002; Φ⁻¹(1 − 1/100) = 2.3263479, Φ⁻¹(1 − 1/(100e)) = 2.6802104;
     * SR*₀ = √0.002 × (0.4227843 × 2.3263479 + 0.5772157 × 2.6802104) = 0.0447214 × 2.5306321 = 0.1131720;
     * z = (0.1581139 − 0.1131720) × √1249 / √(1 + 3 × 0.1581139 + 9/4 × 0.025) = 1.5882997 / 1.2371708 = 1.2838160;
     * DSR = Φ(z) = 0.9004 — the paper's 0.9004.
     */
    @Test
    void deflatedSharpeRatioReproducesThePapersExample() {
        double benchmark = SharpeStatistics.expectedMaximumSharpe(0.5 / 250, 100);
        assertThat(benchmark).isCloseTo(0.1131720, within(1e-7));

        double dsr = SharpeStatistics.probabilisticSharpe(2.5 / Math.sqrt(250), benchmark, 1250, -3, 10);

        assertThat(dsr).isCloseTo(0.9004, within(1e-4));
    }

    @Test
    void oneTrialNeedsNoDeflation() {
        assertThat(SharpeStatistics.expectedMaximumSharpe(0.5, 1)).isZero();
        assertThat(SharpeStatistics.expectedMaximumSharpe(0, 50)).isZero();
    }

    @Test
    void moreTrialsRaiseTheBenchmark() {
        assertThat(SharpeStatistics.expectedMaximumSharpe(0.002, 1000))
                .isGreaterThan(SharpeStatistics.expectedMaximumSharpe(0.002, 100));
    }

    @Test
    void refusesTooFewReturns() {
        assertThatThrownBy(() -> SharpeStatistics.probabilisticSharpe(0.1, 0, 1, 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 returns");
    }
}
