package io.tradingedu.backtesting.engine;

import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.Expression;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link Condition} into a {@link Signal} over the whole series. Every value at bar i is computed from bars
 * 0..i only (indicator values at i and before), so a signal can never see the future; the simulator acts on it at
 * the earliest at bar i's close.
 */
final class SignalCompiler {

    private final IndicatorCache cache;
    private final int size;

    SignalCompiler(IndicatorCache cache) {
        this.cache = cache;
        this.size = cache.series().size();
    }

    Signal compile(Condition condition) {
        return switch (condition) {
            case null -> Signal.never(size);
            case Condition.Above c -> compare(c.left(), c.right(), false);
            case Condition.Below c -> compare(c.right(), c.left(), false);
            case Condition.CrossesAbove c -> compare(c.left(), c.right(), true);
            case Condition.CrossesBelow c -> compare(c.right(), c.left(), true);
            case Condition.Between c -> between(c);
            case Condition.Rising c -> trend(c.value(), c.bars(), 1);
            case Condition.Falling c -> trend(c.value(), c.bars(), -1);
            case Condition.AllOf c -> combine(c.conditions(), true);
            case Condition.AnyOf c -> combine(c.conditions(), false);
            case Condition.Not c -> not(compile(c.condition()));
            case Condition.Within c -> within(compile(c.condition()), c.bars());
            // Stops and targets are executed intrabar from the strategy's risk block, never on a close.
            case Condition.StopLossHit c -> Signal.never(size);
            case Condition.TakeProfitHit c -> Signal.never(size);
        };
    }

    /** greater &gt; smaller on the bar; with {@code cross}, also greater ≤ smaller on the bar before. */
    private Signal compare(Expression greater, Expression smaller, boolean cross) {
        IndicatorValues a = cache.values(greater);
        IndicatorValues b = cache.values(smaller);
        boolean[] result = new boolean[size];
        for (int i = cross ? 1 : 0; i < size; i++) {
            result[i] = a.at(i) > b.at(i) && (!cross || a.at(i - 1) <= b.at(i - 1));
        }
        int firstValid = Math.max(a.unstableBars(), b.unstableBars()) + (cross ? 1 : 0);
        return new Signal(result, firstValid);
    }

    private Signal between(Condition.Between c) {
        IndicatorValues value = cache.values(c.value());
        IndicatorValues lower = cache.values(c.lower());
        IndicatorValues upper = cache.values(c.upper());
        boolean[] result = new boolean[size];
        for (int i = 0; i < size; i++) {
            double v = value.at(i);
            result[i] = v >= lower.at(i) && v <= upper.at(i);
        }
        return new Signal(result, Math.max(value.unstableBars(), Math.max(lower.unstableBars(), upper.unstableBars())));
    }

    private Signal trend(Expression expression, int bars, int direction) {
        IndicatorValues values = cache.values(expression);
        boolean[] result = new boolean[size];
        for (int i = bars; i < size; i++) {
            result[i] = direction > 0 ? values.at(i) > values.at(i - bars) : values.at(i) < values.at(i - bars);
        }
        return new Signal(result, values.unstableBars() + bars);
    }

    private Signal combine(List<Condition> conditions, boolean all) {
        boolean[] result = new boolean[size];
        Arrays.fill(result, all);
        int firstValid = all ? 0 : size;
        for (Condition condition : conditions) {
            Signal signal = compile(condition);
            // "and" needs every part to be trustworthy, "or" only the part that is true
            firstValid = all ? Math.max(firstValid, signal.firstValidBar()) : Math.min(firstValid, signal.firstValidBar());
            for (int i = 0; i < size; i++) {
                result[i] = all ? result[i] && signal.isTrue(i) : result[i] || signal.isTrue(i);
            }
        }
        return new Signal(result, firstValid);
    }

    /** True while the signal was true on one of the last {@code bars} bars (this one included): one pass. */
    private static Signal within(Signal signal, int bars) {
        boolean[] result = new boolean[signal.values().length];
        int lastTrue = Integer.MIN_VALUE / 2;
        for (int i = 0; i < result.length; i++) {
            if (signal.isTrue(i)) {
                lastTrue = i;
            }
            result[i] = i - lastTrue < bars;
        }
        return new Signal(result, signal.firstValidBar());
    }

    private static Signal not(Signal signal) {
        boolean[] result = new boolean[signal.values().length];
        for (int i = 0; i < result.length; i++) {
            result[i] = !signal.isTrue(i);
        }
        return new Signal(result, signal.firstValidBar());
    }
}
