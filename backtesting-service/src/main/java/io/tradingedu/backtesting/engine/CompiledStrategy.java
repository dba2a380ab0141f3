package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.Risk;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyValidator;
import java.util.Map;

/** A validated strategy with its rules evaluated on one series: what the simulator needs, nothing more. */
record CompiledStrategy(StrategyDefinition definition, Signal entry, Signal exit, double[] stopAtr) {

    private static final int DEFAULT_ATR_PERIOD = 14;

    /** @throws io.tradingedu.shared.strategy.InvalidStrategyException when the strategy is not valid */
    static CompiledStrategy compile(StrategyDefinition definition, IndicatorCache cache) {
        StrategyValidator.requireValid(definition);
        SignalCompiler signals = new SignalCompiler(cache);
        Risk.StopLoss stop = definition.risk().stopLoss();
        double[] atr = null;
        if (stop != null && stop.atrMultiple() != null) {
            int period = stop.atrPeriod() == null ? DEFAULT_ATR_PERIOD : stop.atrPeriod();
            atr = cache.values(Expression.IndicatorRef.of(IndicatorKind.ATR.wireName(),
                    Map.of("period", (double) period))).values();
        }
        return new CompiledStrategy(definition, signals.compile(definition.entry()),
                signals.compile(definition.exit()), atr);
    }
}
