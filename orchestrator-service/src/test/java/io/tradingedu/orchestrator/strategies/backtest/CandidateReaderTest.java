package io.tradingedu.orchestrator.strategies.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.pipeline.RunBacktest.StrategyToTest;
import io.tradingedu.shared.strategy.Costs;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateReaderTest {

    private static final Costs DEFAULT = new Costs(5, 2);
    private static final String RSI = """
            {"version": 1, "name": "RSI dip", "direction": "long",
             "entry": {"type": "below", "left": {"indicator": "RSI", "params": {"period": 2}}, "right": {"constant": 5}},
             "exit": {"type": "above", "left": {"price": "close"}, "right": {"indicator": "SMA", "params": {"period": 5}}}%s}
            """;

    @Test
    void aCandidateWithoutCostsGetsTheConfiguredOnes() {
        StrategyToTest candidate = CandidateReader.candidate("s1", RSI.formatted(""), "[]", DEFAULT);

        assertThat(candidate.definition().costs()).isEqualTo(DEFAULT);
        assertThat(candidate.tuning()).isEmpty();
    }

    @Test
    void costsTheLessonStatedAreKeptEvenWhenZero() {
        StrategyToTest candidate = CandidateReader.candidate("s1",
                RSI.formatted(", \"costs\": {\"commission_bps\": 0, \"slippage_bps\": 0}"), null, DEFAULT);

        assertThat(candidate.definition().costs()).isEqualTo(Costs.NONE);
    }

    @Test
    void openParametersTravelWithTheCandidate() {
        StrategyToTest candidate = CandidateReader.candidate("s2", RSI.formatted(""), """
                [{"paths": ["entry.left.params.period"], "from": 2, "to": 6, "step": 1,
                  "reason": "a short RSI", "unit": "bars"}]""", DEFAULT);

        assertThat(candidate.tuning()).singleElement().satisfies(p -> {
            assertThat(p.paths()).containsExactly("entry.left.params.period");
            assertThat(p.count()).isEqualTo(5);
            assertThat(p.reason()).isEqualTo("a short RSI");
        });
    }

    @Test
    void thePlanIsTheConfiguredOne() {
        BacktestPlanProperties properties = new BacktestPlanProperties(List.of("SPX:1d", " btcusd:1h "), "split", 0.7,
                756, 252, 10_000, 5, 2);

        assertThat(properties.plan().datasets()).extracting(d -> d.symbol() + ":" + d.timeframe())
                .containsExactly("SPX:1d", "BTCUSD:1h");
        assertThat(properties.plan().testPlan()).isEqualTo(new TestPlan.InSampleOutOfSample(0.7));
        assertThat(new BacktestPlanProperties(List.of("SPX:1d"), "walk-forward", 0.7, 252, 252, 10_000, 5, 2).plan()
                .testPlan()).isEqualTo(new TestPlan.WalkForward(252, 252));
    }

    /** Windows that overlap would judge the same out-of-sample returns two or three times over. */
    @Test
    void walkForwardWindowsMayNotOverlap() {
        assertThatThrownBy(() -> new BacktestPlanProperties(List.of("SPX:1d"), "walk-forward", 0.7, 756, 252, 10_000,
                5, 2)).hasMessage("strategies.backtest.step-bars (252) must be at least window-bars (756) in "
                + "walk-forward mode: overlapping windows would judge the same out-of-sample returns more than once");
        assertThat(new BacktestPlanProperties(List.of("SPX:1d"), "walk-forward", 0.7, 252, 504, 10_000, 5, 2).plan()
                .testPlan()).isEqualTo(new TestPlan.WalkForward(252, 504));
        // the window settings do not matter to a split plan
        assertThat(new BacktestPlanProperties(List.of("SPX:1d"), "split", 0.7, 756, 252, 10_000, 5, 2).plan()
                .testPlan()).isEqualTo(new TestPlan.InSampleOutOfSample(0.7));
    }

    @Test
    void aBadPlanIsRefusedAtStartUpNamingTheSetting() {
        assertThatThrownBy(() -> new BacktestPlanProperties(List.of("SPX"), "split", 0.7, 756, 252, 10_000, 5, 2))
                .hasMessageContaining("strategies.backtest.datasets: 'SPX' is not SYMBOL:timeframe");
        assertThatThrownBy(() -> new BacktestPlanProperties(List.of("SPX:1d"), "split", 1.2, 756, 252, 10_000, 5, 2))
                .hasMessageContaining("in_sample_fraction");
        assertThatThrownBy(() -> new BacktestPlanProperties(List.of("SPX:1d"), "anchored", 0.7, 756, 252, 10_000, 5,
                2)).hasMessageContaining("split or walk-forward");
    }
}
