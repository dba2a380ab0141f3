package io.tradingedu.orchestrator.strategies.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.shared.pipeline.StrategiesBacktested.Tuning;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialsTest {

    /** Two candidates' trials pooled are the statistics of all their Sharpe ratios as one sample. */
    @Test
    void poolingGivesTheVarianceOfAllTrialsTogether() {
        double[] first = {0.01, 0.03, 0.02};
        double[] second = {0.05, 0.07};
        Trials pooled = Trials.pool(List.of(trials(first), trials(second)));

        double[] all = {0.01, 0.03, 0.02, 0.05, 0.07};
        assertThat(pooled.count()).isEqualTo(5);
        assertThat(pooled.mean()).isCloseTo(mean(all), within(1e-15));
        assertThat(pooled.variance()).isCloseTo(variance(all), within(1e-15));
    }

    /** Stage 9 reports annualised Sharpe ratios; per bar they are divided by √P and their variance by P. */
    @Test
    void tuningIsConvertedToPerBarUnits() {
        Trials trials = Trials.of(new Tuning(null, List.of(), 20, 2, Map.of(), 18, 0.8, 0.25, 252.0, List.of()));

        assertThat(trials.count()).isEqualTo(18);
        assertThat(trials.mean()).isCloseTo(0.8 / Math.sqrt(252), within(1e-15));
        assertThat(trials.variance()).isCloseTo(0.25 / 252, within(1e-15));
    }

    /**
     * Every variant that ran is a trial: a candidate whose 12 variants (2 invalid) had no Sharpe ratio still adds 10
     * to N (with mean 0 and no spread of its own) instead of dropping out of the correction.
     */
    @Test
    void variantsWithoutASharpeRatioStillCountAsTrials() {
        Trials unknown = Trials.of(new Tuning(null, List.of(), 12, 2, Map.of(), 0, null, null, 252.0, List.of()));

        assertThat(unknown).isEqualTo(new Trials(10, 0, 0));
        assertThat(Trials.of(null)).isEqualTo(Trials.ONE);
        assertThat(Trials.pool(List.of(new Trials(5, 0.04, 0.001), unknown)).count()).isEqualTo(15);
        assertThat(Trials.pool(List.of())).isEqualTo(Trials.ONE);
    }

    /** A stage 9 result that counted only the variants with a Sharpe ratio is still deflated by every variant run. */
    @Test
    void theCountIsAtLeastTheVariantsThatRan() {
        Trials trials = Trials.of(new Tuning(null, List.of(), 20, 2, Map.of(), 7, 0.8, 0.25, 252.0, List.of()));

        assertThat(trials.count()).isEqualTo(18);
    }

    private static Trials trials(double[] sharpes) {
        return new Trials(sharpes.length, mean(sharpes), variance(sharpes));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
