package io.tradingedu.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StrategyFormatterTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "entry: SMA(50) crosses above SMA(200)\nexit: SMA(50) crosses below SMA(200)",
            "name: RSI dip\ndirection: short\nentry: RSI(14) > 70 and close < SMA(200)\nexit: RSI(14) < 50 or stop_loss_hit\n"
                    + "stop_loss: 1.5 ATR(20)\ntake_profit: 2R\ntrailing_stop: 3%\nmax_bars: 20\nsize: risk 1%\n"
                    + "commission_bps: 5\nslippage_bps: 2.5",
            "entry: MACD(fast=8, signal=5).histogram > 0 and not (close > BB_upper(20, 2.5) or RSI(SMA(close, 3), 14) rising 2)\n"
                    + "exit: WILLIAMS_R(14) between -80 and -20 and OBV falling over 3 bars\nsize: 50%\nstop_loss: 2%\ntake_profit: 6%",
            "entry: (close > 1 and close < 5) and (RSI > 10 or RSI < 5)\nmax_bars: 3"
    })
    void parsingTheFormattedTextGivesTheSameStrategy(String text) {
        StrategyDefinition strategy = StrategyText.parse(text);

        String formatted = StrategyFormatter.format(strategy);

        assertThat(StrategyText.parse(formatted)).isEqualTo(strategy);
    }

    @Test
    void writesRulesTheWayAPersonWould() {
        Condition rule = RuleParser.parse("SMA(50) crosses above SMA(200) and RSI(14) between 40 and 60");

        assertThat(StrategyFormatter.condition(rule))
                .isEqualTo("SMA(50) crosses above SMA(200) and (RSI(14) between 40 and 60)");
        assertThat(StrategyFormatter.format(new StrategyDefinition(1, null, null,
                new Condition.Above(new Expression.IndicatorRef("MACD", Map.of(), "histogram", null),
                        new Expression.Constant(0)), null, new Risk(null, null, null, 5), null, null)))
                .isEqualTo("entry: MACD.histogram > 0\nmax_bars: 5\n");
        assertThat(StrategyFormatter.condition(new Condition.AnyOf(List.of(new Condition.StopLossHit(),
                new Condition.Not(new Condition.Below(new Expression.Price(PriceField.CLOSE),
                        new Expression.Constant(-1.5)))))))
                .isEqualTo("stop_loss_hit or not close < -1.5");
    }
}
