package io.tradingedu.backtesting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.backtest.TestPlan;
import io.tradingedu.shared.strategy.InvalidStrategyException;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyText;
import org.junit.jupiter.api.Test;

class BacktestEngineTest {

    private final PriceSeries bars = Bars.closes(java.util.stream.IntStream.range(0, 100)
            .mapToDouble(i -> 100 + 5 * Math.sin(i / 3.0)).toArray());
    private final StrategyDefinition strategy = StrategyText.parse("entry: close crosses above SMA(5)\nmax_bars: 3");

    private BacktestReport run(TestPlan plan) {
        return BacktestEngine.run(new IndicatorCache(bars), strategy, 10, 99, 1000, FillTiming.NEXT_OPEN, plan);
    }

    @Test
    void splitTradesBothPartsFromTheInitialCapital() {
        BacktestReport report = run(new TestPlan.InSampleOutOfSample(0.7));

        assertThat(report.periods()).extracting(PeriodResult::label).containsExactly("in_sample", "out_of_sample");
        assertThat(report.periods().get(0).from()).isEqualTo(Bars.day(10));
        assertThat(report.periods().get(0).to()).isEqualTo(Bars.day(72));
        assertThat(report.periods().get(1).from()).isEqualTo(Bars.day(73));
        assertThat(report.periods()).allSatisfy(p -> assertThat(p.metrics().startEquity()).isEqualTo(1000));
        assertThat(report.aggregate()).isNull();
    }

    @Test
    void walkForwardRollsWindowsAndSummarisesThem() {
        BacktestReport report = run(new TestPlan.WalkForward(30, 20));

        assertThat(report.periods()).extracting(PeriodResult::from)
                .containsExactly(Bars.day(10), Bars.day(30), Bars.day(50), Bars.day(70));
        assertThat(report.periods()).allSatisfy(p -> assertThat(p.metrics().bars()).isEqualTo(30));
        assertThat(report.aggregate().windows()).isEqualTo(4);
        assertThat(report.aggregate().trades())
                .isEqualTo(report.periods().stream().mapToInt(p -> p.metrics().trades()).sum());
    }

    @Test
    void refusesInvalidStrategiesAndTooShortRanges() {
        assertThatThrownBy(() -> BacktestEngine.run(new IndicatorCache(bars), StrategyText.parse("entry: close > 1"),
                0, 99, 1000, FillTiming.NEXT_OPEN, TestPlan.SINGLE)).isInstanceOf(InvalidStrategyException.class);
        assertThatThrownBy(() -> run(new TestPlan.WalkForward(200, 10)))
                .hasMessageContaining("fewer than one walk-forward window of 200");
    }
}
