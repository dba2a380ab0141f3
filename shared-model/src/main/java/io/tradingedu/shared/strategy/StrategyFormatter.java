package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Condition.AllOf;
import io.tradingedu.shared.strategy.Condition.AnyOf;
import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a strategy in the compact text form, so that every stored strategy can be read by a person whatever it was
 * written in. {@link StrategyText#parse} of the result gives back an equal strategy (a name must not contain
 * {@code #}, which starts a comment).
 */
public final class StrategyFormatter {

    private StrategyFormatter() {
    }

    public static String format(StrategyDefinition strategy) {
        List<String> lines = new ArrayList<>();
        if (strategy.name() != null) {
            lines.add("name: " + strategy.name());
        }
        if (strategy.direction() == Direction.SHORT) {
            lines.add("direction: short");
        }
        if (strategy.entry() != null) {
            lines.add("entry: " + condition(strategy.entry()));
        }
        if (strategy.exit() != null) {
            lines.add("exit: " + condition(strategy.exit()));
        }
        if (strategy.entryStop() != null) {
            lines.add("entry_stop: " + expression(strategy.entryStop()));
        }
        if (strategy.exitStop() != null) {
            lines.add("exit_stop: " + expression(strategy.exitStop()));
        }
        if (strategy.reverses()) {
            lines.add("reverse: true");
        }
        if (strategy.pyramiding() != null) {
            lines.add("pyramiding: " + strategy.pyramiding());
        }
        Risk risk = strategy.risk();
        if (risk.stopLoss() != null) {
            Risk.StopLoss stop = risk.stopLoss();
            lines.add("stop_loss: " + (stop.percent() != null ? number(stop.percent()) + "%"
                    : number(stop.atrMultiple()) + " ATR" + (stop.atrPeriod() == null ? "" : "(" + stop.atrPeriod() + ")")));
        }
        if (risk.takeProfit() != null) {
            Risk.TakeProfit target = risk.takeProfit();
            lines.add("take_profit: " + (target.percent() != null ? number(target.percent()) + "%"
                    : number(target.rMultiple()) + "R"));
        }
        if (risk.trailingStop() != null) {
            lines.add("trailing_stop: " + number(risk.trailingStop().percent()) + "%");
        }
        if (risk.maxBars() != null) {
            lines.add("max_bars: " + risk.maxBars());
        }
        Sizing sizing = strategy.sizing();
        if (!sizing.equals(Sizing.ALL_IN)) {
            lines.add("size: " + (sizing.riskPerTrade() != null ? "risk " + number(sizing.riskPerTrade() * 100) + "%"
                    : number(sizing.fractionOfEquity() * 100) + "%"));
        }
        if (strategy.costs().commissionBps() != 0) {
            lines.add("commission_bps: " + number(strategy.costs().commissionBps()));
        }
        if (strategy.costs().slippageBps() != 0) {
            lines.add("slippage_bps: " + number(strategy.costs().slippageBps()));
        }
        return String.join("\n", lines) + "\n";
    }

    /** One rule, e.g. {@code SMA(50) crosses above SMA(200) and not RSI(14) > 70}. */
    public static String condition(Condition condition) {
        return switch (condition) {
            case Condition.Above c -> expression(c.left()) + " > " + expression(c.right());
            case Condition.Below c -> expression(c.left()) + " < " + expression(c.right());
            case Condition.CrossesAbove c -> expression(c.left()) + " crosses above " + expression(c.right());
            case Condition.CrossesBelow c -> expression(c.left()) + " crosses below " + expression(c.right());
            case Condition.Between c -> expression(c.value()) + " between " + expression(c.lower()) + " and "
                    + expression(c.upper());
            case Condition.Rising c -> expression(c.value()) + " rising over " + c.bars() + " bars";
            case Condition.Falling c -> expression(c.value()) + " falling over " + c.bars() + " bars";
            case AllOf c -> c.conditions().stream().map(StrategyFormatter::grouped).collect(Collectors.joining(" and "));
            case AnyOf c -> c.conditions().stream().map(StrategyFormatter::grouped).collect(Collectors.joining(" or "));
            case Condition.Not c -> "not " + (c.condition() instanceof Condition.Within ? "(" + condition(c.condition())
                    + ")" : grouped(c.condition()));
            // "within" binds tighter than "not": (not A) within 3 needs its parentheses
            case Condition.Within c -> (c.condition() instanceof Condition.Not ? "(" + condition(c.condition()) + ")"
                    : grouped(c.condition())) + " within " + c.bars() + " bars";
            case Condition.StopLossHit c -> "stop_loss_hit";
            case Condition.TakeProfitHit c -> "take_profit_hit";
        };
    }

    /** Parentheses around "and"/"or" groups (and "between", whose own "and" would bind wrongly) inside another rule. */
    private static String grouped(Condition condition) {
        String text = condition(condition);
        return condition instanceof AllOf || condition instanceof AnyOf || condition instanceof Condition.Between
                ? "(" + text + ")" : text;
    }

    /** One series, e.g. {@code HIGHEST(high, 20)[1]}. */
    public static String expression(Expression expression) {
        return switch (expression) {
            case Expression.Constant c -> number(c.constant());
            case Expression.Price p -> p.price().name().toLowerCase();
            case IndicatorRef ref -> indicator(ref);
        };
    }

    private static String indicator(IndicatorRef ref) {
        IndicatorKind kind = IndicatorKind.byName(ref.indicator()).orElse(null);
        // close[1]: only when the bracket form reads back as exactly this reference
        if (kind == IndicatorKind.LAG && ref.input() != null && ref.output() == null
                && ref.params().keySet().equals(Set.of("bars")) && isWhole(ref.params().get("bars"))) {
            return expression(ref.input()) + "[" + number(ref.params().get("bars")) + "]";
        }
        List<String> arguments = new ArrayList<>();
        if (ref.input() != null) {
            arguments.add(expression(ref.input()));
        }
        arguments.addAll(parameters(kind, ref.params()));
        String call = ref.indicator() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")");
        return ref.output() == null ? call : call + "." + ref.output();
    }

    /** Positional when the given parameters are the first ones of the catalogue, named otherwise. */
    private static List<String> parameters(IndicatorKind kind, Map<String, Double> params) {
        List<String> names = kind == null ? List.copyOf(params.keySet())
                : kind.params().stream().map(IndicatorKind.Param::name).toList();
        boolean prefix = names.size() >= params.size() && names.subList(0, params.size()).stream()
                .allMatch(params::containsKey);
        if (prefix) {
            return names.subList(0, params.size()).stream().map(name -> number(params.get(name))).toList();
        }
        return params.entrySet().stream().map(e -> e.getKey() + "=" + number(e.getValue())).toList();
    }

    private static boolean isWhole(Double value) {
        return value != null && value >= 1 && value <= 5000 && value == Math.rint(value);
    }

    /** Plain decimals only ({@code 0.0005}, never {@code 5.0E-4}): the rule tokenizer reads no exponents. */
    private static String number(double value) {
        // a non-finite number only comes with a strategy the validator refuses; written as Java does, for the message
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }
}
