package io.tradingedu.orchestrator.strategies.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradingedu.shared.backtest.DatasetRef;
import io.tradingedu.shared.pipeline.StrategiesBacktested.DatasetResult;
import io.tradingedu.shared.pipeline.StrategiesBacktested.PeriodMetrics;
import io.tradingedu.shared.pipeline.StrategiesBacktested.StrategyResult;
import io.tradingedu.shared.strategy.Violation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrategyJudgeTest {

    private static final DatasetRef SPX = new DatasetRef("SPX", "1d", null, null);
    private final StrategyJudge judge = new StrategyJudge(EvaluationProperties.defaults());

    /**
     * Sharpe 1.6 a year over 1,530 daily returns (P = 252): per bar 1.6/√252 = 0.1007905; one trial, so the benchmark
     * is 0; with skewness 0 and kurtosis 3, z = 0.1007905 × √1529 / √(1 + 0.5 × 0.1007905²) = 3.9311831; DSR = Φ(z) = 0.99996.
     */
    @Test
    void promotesWhenEveryCriterionHolds() {
        StrategyJudge.Verdict verdict = judge.judge(result(period("out_of_sample", good())), Trials.ONE);

        assertThat(verdict.promoted()).isTrue();
        assertThat(verdict.reasons()).extracting(Reason::criterion).containsExactly("out_of_sample_sharpe",
                "max_drawdown", "profit_factor", "trades", "beats_buy_and_hold", "consistency", "deflated_sharpe");
        assertThat(verdict.reasons()).allMatch(Reason::passed);
        assertThat(verdict.deflatedSharpe()).isCloseTo(0.99996, within(1e-5));
        assertThat(verdict.reasons().getFirst().text()).isEqualTo("out-of-sample Sharpe 1.6 ≥ 0.5");
    }

    @Test
    void everyFailedCriterionIsAReadableReasonInFractions() {
        Map<String, Double> weak = good();
        weak.put("sharpe", 0.21);
        weak.put("max_drawdown", 0.34);
        weak.put("profit_factor", 1.05);
        weak.put("trades", 4.0);
        weak.put("buy_and_hold_sharpe", 0.62);
        weak.put("total_return", -0.02);

        StrategyJudge.Verdict verdict = judge.judge(result(period("out_of_sample", weak)), Trials.ONE);

        assertThat(verdict.promoted()).isFalse();
        assertThat(verdict.failed()).extracting(Reason::text).containsExactly(
                "out-of-sample Sharpe 0.21 < 0.5",
                "out-of-sample max drawdown 0.34 > 0.3",
                "out-of-sample profit factor 1.05 < 1.2",
                "out-of-sample trades 4 < 10",
                "out-of-sample Sharpe 0.21 ≤ buy-and-hold Sharpe 0.62",
                "profitable in 0 of 1 out-of-sample period (0 < 0.5)",
                // 0.21/√252 = 0.0132288; z = 0.0132288 × √1529 / √(1 + 0.5 × 0.0132288²) = 0.5172; Φ(z) = 0.6975
                "deflated Sharpe ratio 0.698 < 0.95 (1 trial; per-bar Sharpe 0.0132 vs benchmark 0 over 1530 returns)");
        assertThat(verdict.failed().getFirst().value()).isEqualTo(0.21);
        assertThat(verdict.failed().getFirst().threshold()).isEqualTo(0.5);
    }

    /**
     * The same out-of-sample result after 200 trials whose per-bar Sharpe ratios vary by 0.004 (sd 0.063): the
     * benchmark SR*₀ = 0.0632456 × (0.4227843 × Φ⁻¹(0.995) + 0.5772157 × Φ⁻¹(1 − 1/(200e))) = 0.0632456 ×
     * (0.4227843 × 2.5758293 + 0.5772157 × 2.9044666) = 0.1749071; z = (0.1007905 − 0.1749071) × √1529 / 1.0025365
     * = −2.8908053; DSR = Φ(z) = 0.0019, far below 0.95, and the strategy is not promoted on luck.
     */
    @Test
    void manyTrialsDeflateALuckyWinner() {
        StrategyJudge.Verdict verdict = judge.judge(result(period("out_of_sample", good())),
                new Trials(200, 0.02, 0.004));

        assertThat(verdict.promoted()).isFalse();
        assertThat(verdict.failed()).singleElement().satisfies(reason -> {
            assertThat(reason.criterion()).isEqualTo("deflated_sharpe");
            assertThat(reason.value()).isCloseTo(0.0019213, within(1e-6));
            assertThat(reason.text()).isEqualTo("deflated Sharpe ratio 0.002 < 0.95 (200 trials; per-bar Sharpe 0.1008 "
                    + "vs benchmark 0.1749 over 1530 returns)");
        });
    }

    @Test
    void withoutTheReturnShapeTheDeflatedSharpeIsUnknownAndFails() {
        Map<String, Double> metrics = good();
        metrics.remove("returns_skewness");

        StrategyJudge.Verdict verdict = judge.judge(result(period("out_of_sample", metrics)), Trials.ONE);

        assertThat(verdict.failed()).extracting(Reason::text)
                .containsExactly("deflated Sharpe ratio unknown: the backtest reported no returns_skewness");
    }

    @Test
    void walkForwardWindowsAreAllJudgedAndCountForConsistency() {
        Map<String, Double> losing = good();
        losing.put("total_return", -0.05);
        StrategyJudge.Verdict verdict = judge.judge(result(window(1, 2014, 2014, good()), window(2, 2015, 2015, losing),
                window(3, 2016, 2016, losing)), Trials.ONE);

        assertThat(verdict.failed()).extracting(Reason::text)
                .containsExactly("profitable in 1 of 3 out-of-sample periods (0.33 < 0.5)");
        assertThat(verdict.reasons()).filteredOn(r -> r.criterion().equals("trades")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(75.0));
    }

    /**
     * One window: Sharpe 0.8 a year over 755 returns, 5 trades. Per bar 0.8/√252 = 0.0503953; z = 0.0503953 × √754 /
     * √(1 + 0.5 × 0.0503953²) = 1.3829; DSR = Φ(z) = 0.917: rejected. Reported twice, summing would make it 10 trades
     * and 1,510 returns (DSR 0.975) and promote it; the same bars are evidence once.
     */
    @Test
    void theSameReturnsReportedTwiceAreEvidenceOnce() {
        Map<String, Double> lucky = good();
        lucky.put("sharpe", 0.8);
        lucky.put("return_count", 755.0);
        lucky.put("trades", 5.0);
        lucky.put("buy_and_hold_sharpe", 0.5);

        StrategyJudge.Verdict once = judge.judge(result(window(1, 2014, 2016, lucky)), Trials.ONE);
        StrategyJudge.Verdict twice = judge.judge(result(window(1, 2014, 2016, lucky), window(2, 2014, 2016, lucky)),
                Trials.ONE);

        assertThat(once.promoted()).isFalse();
        assertThat(once.deflatedSharpe()).isCloseTo(0.9166, within(1e-4));
        assertThat(twice.promoted()).isFalse();
        assertThat(twice.deflatedSharpe()).isEqualTo(once.deflatedSharpe());
        assertThat(twice.failed()).extracting(Reason::text).containsExactly("out-of-sample trades 5 < 10",
                "deflated Sharpe ratio 0.917 < 0.95 (1 trial; per-bar Sharpe 0.0504 vs benchmark 0 over 755 returns)");
        assertThat(twice.reasons()).filteredOn(r -> r.criterion().equals("consistency")).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo(
                        "profitable in 1 of 1 out-of-sample period (1 ≥ 0.5); 1 overlapping window not counted"));
    }

    /** Three-year windows every year (2014–16, 2015–17, 2016–18, 2017–19): only 2014–16 and 2017–19 are disjoint. */
    @Test
    void ofOverlappingWindowsOnlyDisjointOnesAreJudged() {
        StrategyJudge.Verdict verdict = judge.judge(result(window(1, 2014, 2016, good()), window(2, 2015, 2017, good()),
                window(3, 2016, 2018, good()), window(4, 2017, 2019, good())), Trials.ONE);

        assertThat(verdict.reasons()).filteredOn(r -> r.criterion().equals("trades")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(50.0));
        assertThat(verdict.reasons()).filteredOn(r -> r.criterion().equals("deflated_sharpe")).singleElement()
                .satisfies(r -> assertThat(r.text()).endsWith("over 3060 returns)"));
        assertThat(verdict.reasons()).filteredOn(r -> r.criterion().equals("consistency")).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo(
                        "profitable in 2 of 2 out-of-sample periods (1 ≥ 0.5); 2 overlapping windows not counted"));
    }

    /** Judging the in-sample bars would grade the tuning on the very bars it chose on. */
    @Test
    void aDatasetWithoutAnOutOfSamplePartIsNotTestedOutOfSample() {
        StrategyJudge.Verdict inSampleOnly = judge.judge(result(), Trials.ONE);
        StrategyJudge.Verdict fullOnly = judge.judge(new StrategyResult("s1", "x", List.of(), List.of(
                new DatasetResult(SPX, UUID.randomUUID(), List.of(period("full", good()))))), Trials.ONE);

        assertThat(inSampleOnly.promoted()).isFalse();
        assertThat(inSampleOnly.failed()).singleElement().satisfies(r -> {
            assertThat(r.criterion()).isEqualTo("out_of_sample");
            assertThat(r.text()).isEqualTo("not tested out of sample: SPX has no out_of_sample part and no "
                    + "walk-forward window, only in_sample");
        });
        assertThat(fullOnly.promoted()).isFalse();
        assertThat(fullOnly.failed()).extracting(Reason::text).containsExactly("not tested out of sample: SPX has no "
                + "out_of_sample part and no walk-forward window, only full");
    }

    @Test
    void aStrategyWithoutALosingTradePassesTheProfitFactor() {
        Map<String, Double> metrics = good();
        metrics.remove("profit_factor");

        StrategyJudge.Verdict verdict = judge.judge(result(period("out_of_sample", metrics)), Trials.ONE);

        assertThat(verdict.reasons()).filteredOn(r -> r.criterion().equals("profit_factor")).singleElement()
                .satisfies(r -> assertThat(r.text()).isEqualTo("no losing out-of-sample trade"));
    }

    @Test
    void aStrategyThatCouldNotRunIsRejectedWithItsViolation() {
        StrategyJudge.Verdict verdict = judge.judge(new StrategyResult("s1", "x",
                List.of(new Violation("entry", "can never be true")), List.of()), Trials.ONE);

        assertThat(verdict.failed()).extracting(Reason::text)
                .containsExactly("the strategy could not be run: entry: can never be true");
    }

    private static Map<String, Double> good() {
        return new HashMap<>(Map.of("sharpe", 1.6, "max_drawdown", 0.12, "profit_factor", 1.9, "trades", 25.0,
                "buy_and_hold_sharpe", 0.7, "total_return", 0.4, "return_count", 1530.0, "periods_per_year", 252.0,
                "returns_skewness", 0.0, "returns_kurtosis", 3.0));
    }

    private static PeriodMetrics period(String label, Map<String, Double> metrics) {
        return new PeriodMetrics(label, Instant.parse("2014-01-02T00:00:00Z"), Instant.parse("2020-04-17T00:00:00Z"),
                metrics);
    }

    private static PeriodMetrics window(int number, int fromYear, int toYear, Map<String, Double> metrics) {
        return new PeriodMetrics("window_" + number, Instant.parse(fromYear + "-01-02T00:00:00Z"),
                Instant.parse(toYear + "-12-31T00:00:00Z"), metrics);
    }

    private static StrategyResult result(PeriodMetrics... periods) {
        List<PeriodMetrics> all = new java.util.ArrayList<>(List.of(period("in_sample", good())));
        all.addAll(List.of(periods));
        return new StrategyResult("s1", "x", List.of(), List.of(new DatasetResult(SPX, UUID.randomUUID(), all)));
    }
}
