package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.concepts.IndicatorMentions.Mention;
import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.IndicatorKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditions said by name rather than as a comparison: "golden cross" / "death cross" (the 50- and 200-day simple
 * averages crossing) and "oversold" / "overbought" for an oscillator, with the thresholds lessons conventionally use
 * (RSI 30/70, stochastic 20/80, Williams %R -80/-20, CCI -100/100). What was assumed is listed with the condition.
 */
final class NamedConditions {

    /** Oversold/overbought thresholds by oscillator, as lessons conventionally set them. */
    private static final Map<IndicatorKind, double[]> EXTREMES = Map.of(
            IndicatorKind.RSI, new double[] {30, 70},
            IndicatorKind.STOCHASTIC, new double[] {20, 80},
            IndicatorKind.WILLIAMS_R, new double[] {-80, -20},
            IndicatorKind.CCI, new double[] {-100, 100});
    private static final Pattern OVERSOLD = Pattern.compile("\\b(oversold|overbought)\\b");

    private NamedConditions() {
    }

    /** "golden cross" / "death cross" said without the averages: the standard 50- and 200-day simple averages. */
    static Finding cross(String lower, int at, boolean golden) {
        Expression fast = ConditionRules.average(IndicatorKind.SMA, 50);
        Expression slow = ConditionRules.average(IndicatorKind.SMA, 200);
        Condition condition = golden ? new Condition.CrossesAbove(fast, slow) : new Condition.CrossesBelow(fast, slow);
        return ConditionForms.finding(lower, at, condition, List.of("operands"), 0.75);
    }

    /** "RSI oversold" → RSI(14) &lt; 30, unless the sentence already compared that oscillator with a number. */
    static List<Finding> extremes(String lower, List<Mention> mentions, List<Finding> found) {
        List<Finding> extremes = new ArrayList<>();
        Matcher m = OVERSOLD.matcher(lower);
        while (m.find()) {
            Mention oscillator = nearest(mentions, m.start());
            if (oscillator == null || found.stream().anyMatch(f -> f.textForm().startsWith(oscillator.textForm()))) {
                continue;
            }
            boolean oversold = m.group(1).equals("oversold");
            double threshold = EXTREMES.get(oscillator.kind())[oversold ? 0 : 1];
            Expression value = oscillator.ref();
            Condition condition = oversold ? new Condition.Below(value, new Expression.Constant(threshold))
                    : new Condition.Above(value, new Expression.Constant(threshold));
            List<String> assumed = new ArrayList<>(oscillator.assumed());
            assumed.add("threshold");
            extremes.add(ConditionForms.finding(lower, m.start(), condition, assumed, 0.75));
        }
        return extremes;
    }

    private static Mention nearest(List<Mention> mentions, int at) {
        return mentions.stream().filter(m -> EXTREMES.containsKey(m.kind()))
                .min(Comparator.comparingInt(m -> Math.abs(m.start() - at))).orElse(null);
    }
}
