package io.tradingedu.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.shared.strategy.Condition.AllOf;
import io.tradingedu.shared.strategy.Condition.AnyOf;
import io.tradingedu.shared.strategy.Condition.Not;
import io.tradingedu.shared.strategy.Expression.Constant;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.Expression.Price;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    private static IndicatorRef sma(double period) {
        return IndicatorRef.of("SMA", Map.of("period", period));
    }

    @Test
    void readsAComparisonWithAConstant() {
        assertThat(RuleParser.parse("RSI(14) < 30")).isEqualTo(new Condition.Below(
                IndicatorRef.of("RSI", Map.of("period", 14.0)), new Constant(30)));
    }

    @Test
    void readsACrossOfTwoAverages() {
        assertThat(RuleParser.parse("SMA(50) crosses above SMA(200)"))
                .isEqualTo(new Condition.CrossesAbove(sma(50), sma(200)));
        assertThat(RuleParser.parse("sma(50) CROSSES BELOW sma(200)"))
                .isEqualTo(new Condition.CrossesBelow(sma(50), sma(200)));
    }

    @Test
    void readsTheOriginalSystemsUnderscoreOutputs() {
        assertThat(RuleParser.parse("MACD_histogram > 0")).isEqualTo(new Condition.Above(
                new IndicatorRef("MACD", Map.of(), "histogram", null), new Constant(0)));
        assertThat(RuleParser.parse("close > BB_upper(20, 2)")).isEqualTo(new Condition.Above(
                new Price(PriceField.CLOSE),
                new IndicatorRef("BOLLINGER", Map.of("period", 20.0, "k", 2.0), "upper", null)));
        assertThat(RuleParser.parse("WILLIAMS_R(14) < -80")).isEqualTo(new Condition.Below(
                IndicatorRef.of("WILLIAMS_R", Map.of("period", 14.0)), new Constant(-80)));
    }

    @Test
    void readsTheStopLossKeyword() {
        assertThat(RuleParser.parse("stop_loss_hit")).isEqualTo(new Condition.StopLossHit());
    }

    @Test
    void readsNamedParametersDotOutputsAndInputSeries() {
        assertThat(RuleParser.parse("MACD(fast=8, slow=21).signal > 0")).isEqualTo(new Condition.Above(
                new IndicatorRef("MACD", Map.of("fast", 8.0, "slow", 21.0), "signal", null), new Constant(0)));
        assertThat(RuleParser.parse("SMA(RSI(14), 5) > 50")).isEqualTo(new Condition.Above(
                new IndicatorRef("SMA", Map.of("period", 5.0), null, IndicatorRef.of("RSI", Map.of("period", 14.0))),
                new Constant(50)));
        assertThat(RuleParser.parse("close > highest(20)[1]")).isEqualTo(new Condition.Above(
                new Price(PriceField.CLOSE),
                Expressions.lag(new IndicatorRef("HIGHEST", Map.of("period", 20.0), null, null), 1)));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        Condition a = new Condition.Below(IndicatorRef.of("RSI", Map.of("period", 14.0)), new Constant(30));
        Condition b = new Condition.Above(new Price(PriceField.CLOSE), sma(200));
        Condition c = new Condition.Rising(IndicatorRef.of("OBV", Map.of()), 3);
        assertThat(RuleParser.parse("RSI(14) < 30 and close > SMA(200) or OBV rising over 3 bars"))
                .isEqualTo(new AnyOf(List.of(new AllOf(List.of(a, b)), c)));
        assertThat(RuleParser.parse("RSI(14) < 30 and (close > SMA(200) or OBV rising 3)"))
                .isEqualTo(new AllOf(List.of(a, new AnyOf(List.of(b, c)))));
        assertThat(RuleParser.parse("not close > SMA(200)")).isEqualTo(new Not(b));
    }

    @Test
    void readsBetweenAndInclusiveComparisons() {
        IndicatorRef rsi = IndicatorRef.of("RSI", Map.of("period", 14.0));
        assertThat(RuleParser.parse("RSI(14) between 40 and 60 and close > 0")).isEqualTo(new AllOf(List.of(
                new Condition.Between(rsi, new Constant(40), new Constant(60)),
                new Condition.Above(new Price(PriceField.CLOSE), new Constant(0)))));
        assertThat(RuleParser.parse("RSI(14) >= 50")).isEqualTo(new Not(new Condition.Below(rsi, new Constant(50))));
    }

    @Test
    void reportsTheColumnOfAnError() {
        assertThatThrownBy(() -> RuleParser.parse("RSI(14) <"))
                .isInstanceOf(StrategySyntaxException.class)
                .hasMessageContaining("column 10")
                .hasMessageContaining("the end of the rule");
        assertThatThrownBy(() -> RuleParser.parse("FOO(3) > 1"))
                .hasMessageContaining("column 1: unknown indicator 'FOO'");
        assertThatThrownBy(() -> RuleParser.parse("close = 3"))
                .hasMessageContaining("use 'between'");
        assertThatThrownBy(() -> RuleParser.parse("RSI(14) < 30 close"))
                .hasMessageContaining("column 14: expected 'and', 'or' or the end of the rule");
    }
}
