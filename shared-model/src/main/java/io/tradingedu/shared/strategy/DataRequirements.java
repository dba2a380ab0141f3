package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a valid strategy asks of the bars it runs on, known only once the dataset is chosen: the opening range is a
 * level of the session's first minutes, so it needs intraday bars whose length divides those minutes. Part of
 * {@link StrategyValidator#validate(StrategyDefinition, Duration)}.
 */
final class DataRequirements {

    private static final Duration DAY = Duration.ofDays(1);
    private static final double MEAN_MONTH_SECONDS = 365.2425 / 12 * 86_400;

    private final Duration barDuration;
    private final List<Violation> violations = new ArrayList<>();

    private DataRequirements(Duration barDuration) {
        this.barDuration = barDuration;
    }

    static List<Violation> check(StrategyDefinition strategy, Duration barDuration) {
        DataRequirements requirements = new DataRequirements(barDuration);
        requirements.condition("entry", strategy.entry());
        requirements.condition("exit", strategy.exit());
        requirements.expression("entry_stop", strategy.entryStop());
        requirements.expression("exit_stop", strategy.exitStop());
        return requirements.violations;
    }

    private void condition(String path, Condition condition) {
        switch (condition) {
            case null -> {
            }
            case Condition.Above c -> operands(path, c.left(), c.right());
            case Condition.Below c -> operands(path, c.left(), c.right());
            case Condition.CrossesAbove c -> operands(path, c.left(), c.right());
            case Condition.CrossesBelow c -> operands(path, c.left(), c.right());
            case Condition.Between c -> {
                expression(path + ".value", c.value());
                expression(path + ".lower", c.lower());
                expression(path + ".upper", c.upper());
            }
            case Condition.Rising c -> expression(path + ".value", c.value());
            case Condition.Falling c -> expression(path + ".value", c.value());
            case Condition.AllOf c -> children(path, c.conditions());
            case Condition.AnyOf c -> children(path, c.conditions());
            case Condition.Not c -> condition(path + ".condition", c.condition());
            case Condition.Within c -> condition(path + ".condition", c.condition());
            case Condition.StopLossHit c -> {
            }
            case Condition.TakeProfitHit c -> {
            }
        }
    }

    private void children(String path, List<Condition> conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            condition(path + ".conditions[" + i + "]", conditions.get(i));
        }
    }

    private void operands(String path, Expression left, Expression right) {
        expression(path + ".left", left);
        expression(path + ".right", right);
    }

    private void expression(String path, Expression expression) {
        if (!(expression instanceof IndicatorRef ref)) {
            return;
        }
        if (IndicatorKind.OPENING_RANGE.wireName().equalsIgnoreCase(ref.indicator())) {
            openingRange(path, (IndicatorRef) Expressions.normalize(ref));
        }
        if (ref.input() != null) {
            expression(path + ".input", ref.input());
        }
    }

    private void openingRange(String path, IndicatorRef ref) {
        int minutes = Expressions.intParam(ref, "minutes");
        if (barDuration.compareTo(DAY) >= 0) {
            violations.add(new Violation(path, "OPENING_RANGE needs intraday bars; these bars are "
                    + describe(barDuration) + " long, so a session has no opening range"));
        } else if (Duration.ofMinutes(minutes).toMillis() % barDuration.toMillis() != 0) {
            violations.add(new Violation(path + ".params.minutes", "must be a whole number of bars of "
                    + describe(barDuration) + ", was " + minutes + " minutes"));
        }
    }

    private static String describe(Duration duration) {
        // only calendar months are a day or longer and not whole days: their duration is the mean month
        if (duration.compareTo(DAY) > 0 && duration.toSeconds() % DAY.toSeconds() != 0) {
            return Math.round(duration.toSeconds() / MEAN_MONTH_SECONDS) + " month(s)";
        }
        if (duration.toMinutes() < 60 || duration.toMinutes() % 60 != 0) {
            return duration.toMinutes() + " minute(s)";
        }
        return duration.toHours() < 24 ? duration.toHours() + " hour(s)" : duration.toDays() + " day(s)";
    }
}
