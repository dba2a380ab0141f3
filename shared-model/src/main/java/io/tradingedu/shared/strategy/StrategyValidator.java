package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Condition.AllOf;
import io.tradingedu.shared.strategy.Condition.AnyOf;
import io.tradingedu.shared.strategy.Condition.Not;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a strategy before anything runs it and reports every problem with its path: unknown indicators, parameters
 * out of range, missing pieces, and rules that can never be true (so the strategy could never trade).
 */
public final class StrategyValidator {

    /**
     * How deep conditions and series may nest: {@code not (A and B)} is 3 levels, {@code SMA(RSI(close, 14), 5) > 50}
     * is 4 (the comparison, SMA, RSI, close). Deeper rules are refused here, by {@link RuleParser} and by
     * {@link StrategyJson}, before anything walks them.
     */
    public static final int MAX_NESTING = 64;

    private static final String KNOWN_INDICATORS = Arrays.stream(IndicatorKind.values())
            .map(IndicatorKind::wireName).collect(Collectors.joining(", "));

    private final List<Violation> violations = new ArrayList<>();

    private StrategyValidator() {
    }

    /** Every violation found; empty when the strategy can be run. */
    public static List<Violation> validate(StrategyDefinition strategy) {
        StrategyValidator validator = new StrategyValidator();
        validator.check(strategy);
        return List.copyOf(validator.violations);
    }

    /**
     * As {@link #validate(StrategyDefinition)}, plus what depends on the data it will run on: the opening range needs
     * intraday bars, and its minutes must be a whole number of bars.
     *
     * @param barDuration the length of one bar of the dataset
     */
    public static List<Violation> validate(StrategyDefinition strategy, Duration barDuration) {
        List<Violation> found = new ArrayList<>(validate(strategy));
        if (found.isEmpty()) {
            found.addAll(DataRequirements.check(strategy, barDuration));
        }
        return List.copyOf(found);
    }

    /** @throws InvalidStrategyException listing every violation, including those of the data it will run on */
    public static StrategyDefinition requireValid(StrategyDefinition strategy, Duration barDuration) {
        List<Violation> found = validate(strategy, barDuration);
        if (!found.isEmpty()) {
            throw new InvalidStrategyException(found);
        }
        return strategy;
    }

    /** @throws InvalidStrategyException listing every violation */
    public static StrategyDefinition requireValid(StrategyDefinition strategy) {
        List<Violation> found = validate(strategy);
        if (!found.isEmpty()) {
            throw new InvalidStrategyException(found);
        }
        return strategy;
    }

    private void check(StrategyDefinition strategy) {
        if (strategy.version() != StrategyDefinition.VERSION) {
            add("version", "unsupported version " + strategy.version() + "; this service reads version "
                    + StrategyDefinition.VERSION);
        }
        if (tooDeep(strategy)) {
            // every other check walks the rules recursively: only what does not
            violations.addAll(PositionRulesValidator.validate(strategy.risk(), strategy.sizing(), strategy.costs()));
            return;
        }
        if (strategy.entry() == null && strategy.entryStop() == null) {
            add("entry", "an entry rule (or an entry_stop level) is required");
        } else if (strategy.entry() != null) {
            if (!rule("entry", strategy.entry(), true)) {
                NeverTrue.reason(strategy.entry()).ifPresent(reason ->
                        add("entry", "can never be true, so the strategy would never trade: " + reason));
            }
        }
        if (strategy.exit() != null) {
            rule("exit", strategy.exit(), false);
        }
        if (strategy.entryStop() != null) {
            level("entry_stop", strategy.entryStop());
        }
        if (strategy.exitStop() != null) {
            level("exit_stop", strategy.exitStop());
        }
        violations.addAll(PositionRulesValidator.validate(strategy.risk(), strategy.sizing(), strategy.costs()));
        violations.addAll(PositionRulesValidator.orders(strategy));
        if (strategy.exit() == null && strategy.exitStop() == null && !closesThroughRisk(strategy.risk())) {
            add("exit", "no exit rule, exit_stop, stop loss, take profit, trailing stop or max_bars: "
                    + "a position would never be closed");
        }
        if (usesKeyword(strategy.exit(), Condition.StopLossHit.class) && strategy.risk().stopLoss() == null) {
            add("exit", "stop_loss_hit needs risk.stop_loss to say where the stop is");
        }
        if (usesKeyword(strategy.exit(), Condition.TakeProfitHit.class) && strategy.risk().takeProfit() == null) {
            add("exit", "take_profit_hit needs risk.take_profit to say where the target is");
        }
    }

    /** Reports each rule or level nested deeper than {@link #MAX_NESTING}; whether there was one. */
    private boolean tooDeep(StrategyDefinition strategy) {
        int before = violations.size();
        for (String path : new String[] {Nesting.tooDeep("entry", strategy.entry()),
                Nesting.tooDeep("exit", strategy.exit()), Nesting.tooDeep("entry_stop", strategy.entryStop()),
                Nesting.tooDeep("exit_stop", strategy.exitStop())}) {
            if (path != null) {
                add(path, Nesting.message());
            }
        }
        return violations.size() > before;
    }

    private static boolean closesThroughRisk(Risk risk) {
        return risk.stopLoss() != null || risk.takeProfit() != null || risk.trailingStop() != null
                || risk.maxBars() != null;
    }

    /** Checks a rule; whether it compares with a breakout level that includes the current bar (and was refused). */
    private boolean rule(String path, Condition condition, boolean entry) {
        int before = violations.size();
        condition(path, condition, entry);
        if (violations.size() > before) {
            return false;
        }
        List<Violation> breakouts = ChannelLevels.required(path, condition);
        violations.addAll(breakouts);
        return !breakouts.isEmpty();
    }

    /**
     * A stop order's level is a price: one at or below zero is never placed, and an oscillator, a volume or a
     * distance (RSI, ATR, a band width) is not on the price's scale, so the order would fill at once or never.
     */
    private void level(String path, Expression level) {
        int before = violations.size();
        expression(path, level);
        if (violations.size() > before) {
            return;
        }
        if (level instanceof Expression.Constant c && c.constant() <= 0) {
            add(path, "a stop order's level is a price and must be above 0, was " + number(c.constant()));
            return;
        }
        String notAPrice = PriceScale.notAPrice(level);
        if (notAPrice != null) {
            add(path, "a stop order's level is a price, but " + notAPrice + " is not on the price's scale; use a price, "
                    + "a moving average, a band or channel, a highest/lowest of prices, PSAR or SUPERTREND");
        }
    }

    private void condition(String path, Condition condition, boolean entry) {
        switch (condition) {
            case null -> add(path, "a condition is required");
            case Condition.Above c -> comparison(path, c.left(), c.right());
            case Condition.Below c -> comparison(path, c.left(), c.right());
            case Condition.CrossesAbove c -> comparison(path, c.left(), c.right());
            case Condition.CrossesBelow c -> comparison(path, c.left(), c.right());
            case Condition.Between c -> {
                expression(path + ".value", c.value());
                expression(path + ".lower", c.lower());
                expression(path + ".upper", c.upper());
            }
            case Condition.Rising c -> lookback(path, c.value(), c.bars());
            case Condition.Falling c -> lookback(path, c.value(), c.bars());
            case AllOf c -> children(path, c.conditions(), entry);
            case AnyOf c -> children(path, c.conditions(), entry);
            case Not c -> condition(path + ".condition", c.condition(), entry);
            case Condition.Within c -> {
                if (c.bars() < 1 || c.bars() > 5000) {
                    add(path + ".bars", "must be between 1 and 5000, was " + c.bars());
                }
                condition(path + ".condition", c.condition(), entry);
            }
            case Condition.StopLossHit c -> keywordInEntry(path, "stop_loss_hit", entry);
            case Condition.TakeProfitHit c -> keywordInEntry(path, "take_profit_hit", entry);
        }
    }

    private void keywordInEntry(String path, String keyword, boolean entry) {
        if (entry) {
            add(path, keyword + " only makes sense in an exit rule");
        }
    }

    private void children(String path, List<Condition> conditions, boolean entry) {
        if (conditions.isEmpty()) {
            add(path + ".conditions", "needs at least one condition");
        }
        for (int i = 0; i < conditions.size(); i++) {
            condition(path + ".conditions[" + i + "]", conditions.get(i), entry);
        }
    }

    private void comparison(String path, Expression left, Expression right) {
        expression(path + ".left", left);
        expression(path + ".right", right);
    }

    private void lookback(String path, Expression value, int bars) {
        expression(path + ".value", value);
        if (bars < 1 || bars > 5000) {
            add(path + ".bars", "must be between 1 and 5000, was " + bars);
        }
    }

    private void expression(String path, Expression expression) {
        switch (expression) {
            case null -> add(path, "an indicator, price or constant is required");
            case Expression.Price p when p.price() == null -> add(path + ".price",
                    "must be one of open, high, low, close, volume");
            case Expression.Price p -> {
            }
            case Expression.Constant c when !Double.isFinite(c.constant()) -> add(path + ".constant", "must be finite");
            case Expression.Constant c -> {
            }
            case IndicatorRef ref -> indicator(path, ref);
        }
    }

    private void indicator(String path, IndicatorRef ref) {
        var kind = IndicatorKind.byName(ref.indicator());
        if (kind.isEmpty()) {
            add(path + ".indicator", "unknown indicator '" + ref.indicator() + "'; known: " + KNOWN_INDICATORS);
            return;
        }
        IndicatorKind k = kind.get();
        int before = violations.size();
        for (Map.Entry<String, Double> given : ref.params().entrySet()) {
            String paramPath = path + ".params." + given.getKey();
            var param = k.param(given.getKey());
            if (param.isEmpty()) {
                add(paramPath, "unknown parameter of " + k.wireName() + "; parameters: "
                        + (k.params().isEmpty() ? "none" : k.params().stream().map(IndicatorKind.Param::name)
                        .collect(Collectors.joining(", "))));
            } else {
                paramValue(paramPath, param.get(), given.getValue());
            }
        }
        boolean paramsValid = violations.size() == before;
        if (ref.output() != null && !k.outputs().contains(ref.output())) {
            add(path + ".output", k.outputs().isEmpty()
                    ? k.wireName() + " has a single output; leave output out"
                    : "unknown output '" + ref.output() + "' of " + k.wireName() + "; outputs: " + k.outputs());
        }
        if (ref.input() != null) {
            if (k.takesInput()) {
                expression(path + ".input", ref.input());
            } else {
                add(path + ".input", k.wireName() + " reads the bars themselves and takes no input series");
            }
        }
        if (k == IndicatorKind.MACD && paramsValid) {
            IndicatorRef normalized = (IndicatorRef) Expressions.normalize(ref);
            if (normalized.params().get("fast") >= normalized.params().get("slow")) {
                add(path + ".params.fast", "the fast period must be shorter than the slow period");
            }
        }
    }

    private void paramValue(String path, IndicatorKind.Param param, Double value) {
        if (value == null || !Double.isFinite(value)) {
            add(path, "must be a number");
        } else if (value < param.min() || value > param.max()) {
            add(path, "must be between " + number(param.min()) + " and " + number(param.max()) + ", was "
                    + number(value));
        } else if (param.integer() && value != Math.rint(value)) {
            add(path, "must be a whole number of bars, was " + number(value));
        }
    }

    private static boolean usesKeyword(Condition condition, Class<? extends Condition> keyword) {
        return switch (condition) {
            case null -> false;
            case AllOf c -> c.conditions().stream().anyMatch(child -> usesKeyword(child, keyword));
            case AnyOf c -> c.conditions().stream().anyMatch(child -> usesKeyword(child, keyword));
            case Not c -> usesKeyword(c.condition(), keyword);
            case Condition.Within c -> usesKeyword(c.condition(), keyword);
            default -> keyword.isInstance(condition);
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private void add(String path, String message) {
        violations.add(new Violation(path, message));
    }
}
