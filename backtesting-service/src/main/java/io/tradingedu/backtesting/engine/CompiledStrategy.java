package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.Risk;
import io.tradingedu.shared.strategy.StrategyDefinition;
import io.tradingedu.shared.strategy.StrategyValidator;
import java.util.Map;

/**
 * A validated strategy with its rules evaluated on one series: what the simulator needs, nothing more.
 *
 * @param entryStop the entry stop level on every bar's close, null without {@code entry_stop}
 * @param exitStop  the exit stop level on every bar's close, null without {@code exit_stop}
 */
record CompiledStrategy(StrategyDefinition definition, Signal entry, Signal exit, double[] stopAtr,
                        IndicatorValues entryStop, IndicatorValues exitStop) {

    private static final int DEFAULT_ATR_PERIOD = 14;

    /**
     * @throws io.tradingedu.shared.strategy.InvalidStrategyException when the strategy is not valid, or not for
     *                                                                 these bars (an opening range on daily bars)
     */
    static CompiledStrategy compile(StrategyDefinition definition, IndicatorCache cache) {
        StrategyValidator.requireValid(definition, cache.series().barDuration());
        SignalCompiler signals = new SignalCompiler(cache);
        Risk.StopLoss stop = definition.risk().stopLoss();
        double[] atr = null;
        if (stop != null && stop.atrMultiple() != null) {
            int period = stop.atrPeriod() == null ? DEFAULT_ATR_PERIOD : stop.atrPeriod();
            atr = cache.values(Expression.IndicatorRef.of(IndicatorKind.ATR.wireName(),
                    Map.of("period", (double) period))).values();
        }
        // with an entry stop, the entry rule (if any) only says on which bars the stop order is placed
        Signal entry = definition.entry() == null ? Signal.always(cache.series().size())
                : signals.compile(definition.entry());
        return new CompiledStrategy(definition, entry, signals.compile(definition.exit()), atr,
                definition.entryStop() == null ? null : cache.values(definition.entryStop()),
                definition.exitStop() == null ? null : cache.values(definition.exitStop()));
    }

    /** The level of a stop order placed on bar i's close, NaN while the level's indicator is not yet stable. */
    static double level(IndicatorValues values, int i) {
        if (values == null || i < values.unstableBars()) {
            return Double.NaN;
        }
        double level = values.at(i);
        return Double.isFinite(level) && level > 0 ? level : Double.NaN;
    }
}
