package io.tradingedu.shared.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategyTextTest {

    @Test
    void readsAWholeStrategy() {
        StrategyDefinition strategy = StrategyText.parse("""
                name: RSI mean reversion   # taught in lesson 3
                direction: short
                entry: RSI(14) > 70
                entry: close < SMA(200)
                exit: RSI(14) < 50
                exit: stop_loss_hit
                stop_loss: 1.5 ATR(20)
                take_profit: 2R
                trailing_stop: 3%
                max_bars: 20
                size: risk 1%
                commission_bps: 5
                slippage_bps: 2 bps
                """);

        assertThat(strategy.name()).isEqualTo("RSI mean reversion");
        assertThat(strategy.direction()).isEqualTo(Direction.SHORT);
        assertThat(strategy.entry()).isInstanceOf(Condition.AllOf.class);
        assertThat(strategy.exit()).isInstanceOf(Condition.AnyOf.class);
        assertThat(strategy.risk()).isEqualTo(new Risk(new Risk.StopLoss(null, 1.5, 20),
                new Risk.TakeProfit(null, 2.0), new Risk.TrailingStop(3), 20));
        assertThat(strategy.sizing()).isEqualTo(new Sizing(null, 0.01));
        assertThat(strategy.costs()).isEqualTo(new Costs(5, 2));
        assertThat(StrategyValidator.validate(strategy)).isEmpty();
    }

    @Test
    void fillsDefaultsForWhatIsLeftOut() {
        StrategyDefinition strategy = StrategyText.parse("entry: SMA(50) crosses above SMA(200)\n"
                + "exit: SMA(50) crosses below SMA(200)");

        assertThat(strategy.direction()).isEqualTo(Direction.LONG);
        assertThat(strategy.sizing()).isEqualTo(Sizing.ALL_IN);
        assertThat(strategy.costs()).isEqualTo(Costs.NONE);
        assertThat(strategy.risk()).isEqualTo(Risk.NONE);
    }

    @Test
    void reportsTheLineAndColumnOfAnError() {
        assertThatThrownBy(() -> StrategyText.parse("name: x\nentry: RSI(14) <> 30"))
                .isInstanceOf(StrategySyntaxException.class)
                .hasMessageStartingWith("line 2, column 17:");
        assertThatThrownBy(() -> StrategyText.parse("entry: close > 1\nstop_loss: two percent"))
                .hasMessageStartingWith("line 2")
                .hasMessageContaining("expected a percentage like '2%'");
        assertThatThrownBy(() -> StrategyText.parse("entyr: close > 1"))
                .hasMessageContaining("unknown key 'entyr'");
        assertThatThrownBy(() -> StrategyText.parse("exit: close > 1"))
                .hasMessageContaining("an 'entry:' or 'entry_stop:' line is required");
    }
}
