package io.tradingedu.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyValidatorTest {

    private static List<Violation> violationsOf(String text) {
        return StrategyValidator.validate(StrategyText.parse(text));
    }

    @Test
    void acceptsTheGoldenCross() {
        assertThat(violationsOf("entry: SMA(50) crosses above SMA(200)\nexit: SMA(50) crosses below SMA(200)"))
                .isEmpty();
    }

    @Test
    void namesAnUnknownIndicatorWithItsPath() {
        StrategyDefinition strategy = StrategyJson.fromJson("""
                {"entry": {"type": "above", "left": {"indicator": "SMAA", "params": {"period": 5}},
                           "right": {"price": "close"}},
                 "exit": {"type": "below", "left": {"price": "close"}, "right": {"constant": 1}}}
                """);

        assertThat(StrategyValidator.validate(strategy)).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("entry.left.indicator");
            assertThat(v.message()).startsWith("unknown indicator 'SMAA'; known: SMA, EMA");
        });
    }

    @Test
    void rejectsBadParametersAndOutputs() {
        assertThat(violationsOf("entry: SMA(0) > 1\nexit: close < 1")).containsExactly(
                new Violation("entry.left.params.period", "must be between 1 and 5000, was 0"));
        assertThat(violationsOf("entry: RSI(14.5) > 50\nexit: close < 1")).containsExactly(
                new Violation("entry.left.params.period", "must be a whole number of bars, was 14.5"));
        assertThat(violationsOf("entry: MACD(26, 12) > 0\nexit: close < 1")).containsExactly(
                new Violation("entry.left.params.fast", "the fast period must be shorter than the slow period"));
        assertThat(violationsOf("entry: MACD_upper > 0\nexit: close < 1")).containsExactly(
                new Violation("entry.left.output", "unknown output 'upper' of MACD; outputs: [line, signal, histogram]"));
        assertThat(StrategyValidator.validate(StrategyJson.fromJson("""
                {"entry": {"type": "above", "right": {"constant": 0},
                           "left": {"indicator": "ATR", "input": {"price": "close"}}},
                 "risk": {"max_bars": 5}}
                """))).containsExactly(
                new Violation("entry.left.input", "ATR reads the bars themselves and takes no input series"));
    }

    @Test
    void rejectsRulesThatCanNeverTrade() {
        assertThat(violationsOf("entry: RSI(14) > 100\nexit: close < 1")).singleElement()
                .extracting(Violation::message).asString()
                .startsWith("can never be true, so the strategy would never trade: RSI (always between 0.0 and 100.0)");
        assertThat(violationsOf("entry: SMA(20) crosses above SMA(20)\nexit: close < 1")).singleElement()
                .extracting(Violation::message).asString().contains("a series never crosses above itself");
        assertThat(violationsOf("entry: close > 1 and not close > 1\nexit: close < 1")).singleElement()
                .extracting(Violation::message).asString().contains("a rule and its negation");
        assertThat(violationsOf("entry: RSI(14) between 60 and 40\nexit: close < 1")).singleElement()
                .extracting(Violation::message).asString().contains("lower bound is above the upper bound");
        assertThat(violationsOf("entry: 1 > 2\nexit: close < 1")).singleElement()
                .extracting(Violation::path).isEqualTo("entry");
        assertThat(violationsOf("entry: WILLIAMS_R(14) < -80\nexit: close < 1")).isEmpty();
    }

    @Test
    void requiresAWayOutOfEveryPosition() {
        assertThat(violationsOf("entry: close > SMA(20)")).containsExactly(new Violation("exit",
                "no exit rule, exit_stop, stop loss, take profit, trailing stop or max_bars: a position would never be closed"));
        assertThat(violationsOf("entry: close > SMA(20)\nmax_bars: 10")).isEmpty();
    }

    @Test
    void checksRiskAndSizingDependOnAStop() {
        assertThat(violationsOf("entry: close > SMA(20)\nexit: stop_loss_hit\nsize: risk 1%\ntake_profit: 2R"))
                .extracting(Violation::path)
                .containsExactlyInAnyOrder("exit", "sizing.risk_per_trade", "risk.take_profit.r_multiple");
        assertThat(violationsOf("entry: stop_loss_hit\nexit: close < 1\nstop_loss: 2%"))
                .containsExactly(new Violation("entry", "stop_loss_hit only makes sense in an exit rule"));
        assertThat(violationsOf("entry: close > 1\nexit: close < 1\nstop_loss: 120%\nsize: 150%"))
                .extracting(Violation::path).containsExactly("risk.stop_loss.percent", "sizing.fraction_of_equity");
    }
}
