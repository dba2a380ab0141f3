package io.tradingedu.orchestrator.concepts;

import io.tradingedu.orchestrator.concepts.IndicatorMentions.Mention;
import io.tradingedu.orchestrator.concepts.Operands.Operand;
import io.tradingedu.orchestrator.concepts.Operands.Type;
import io.tradingedu.shared.strategy.Condition;
import io.tradingedu.shared.strategy.Expression;
import io.tradingedu.shared.strategy.IndicatorKind;
import io.tradingedu.shared.strategy.RuleParser;
import io.tradingedu.shared.strategy.StrategyFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spoken comparisons as conditions of the strategy language: "when the RSI dips under 30" → {@code RSI(14) < 30},
 * "the 50-day crosses above the 200-day" → {@code SMA(50) crosses above SMA(200)}, "closes above the upper band" →
 * {@code close > BOLLINGER(20, 2).upper}, "the 200-day is rising" → {@code SMA(200) rising over 1 bars}. Named
 * conditions ("golden cross", "oversold") are {@link NamedConditions}.
 */
final class ConditionRules {

    enum Op { CROSSES_ABOVE, CROSSES_BELOW, ABOVE, BELOW, RISING, FALLING, GOLDEN_CROSS, DEATH_CROSS }

    private record Operator(int start, int end, Op op) {
    }

    /** Ordered: at one place the longer phrase wins ("crosses over" before "over"). */
    private static final List<Map.Entry<Pattern, Op>> OPERATORS = List.of(
            Map.entry(Pattern.compile("\\bgolden cross\\b"), Op.GOLDEN_CROSS),
            Map.entry(Pattern.compile("\\bdeath cross\\b"), Op.DEATH_CROSS),
            Map.entry(Pattern.compile("\\b(?:cross(?:es|ed|ing)?|cuts?|cutting|breaks?|breaking)\\s+(?:back\\s+)?"
                    + "(?:above|over|up\\s+through|through\\s+to\\s+the\\s+upside)\\b"), Op.CROSSES_ABOVE),
            Map.entry(Pattern.compile("\\b(?:cross(?:es|ed|ing)?|cuts?|cutting|breaks?|breaking)\\s+(?:back\\s+)?"
                    + "(?:below|under|beneath|down\\s+through|through\\s+to\\s+the\\s+downside)\\b"), Op.CROSSES_BELOW),
            Map.entry(Pattern.compile("\\b(?:less|lower)\\s+than\\b|\\b(?:below|under|beneath|underneath)\\b|<"),
                    Op.BELOW),
            Map.entry(Pattern.compile("\\b(?:greater|higher|more)\\s+than\\b|\\b(?:above|over)\\b|>"), Op.ABOVE),
            Map.entry(Pattern.compile("\\b(?:is\\s+|are\\s+)?(?:rising|sloping\\s+up(?:wards)?|turning\\s+up|"
                    + "pointing\\s+up|trending\\s+up)\\b"), Op.RISING),
            Map.entry(Pattern.compile("\\b(?:is\\s+|are\\s+)?(?:falling|sloping\\s+down(?:wards)?|turning\\s+down|"
                    + "pointing\\s+down|trending\\s+down)\\b"), Op.FALLING));

    /** Words that may stand between a comparison and what it compares with: "above the level of 30". */
    private static final Set<String> RIGHT_FILLERS = Set.of("the", "a", "an", "its", "their", "his", "her", "my",
            "your", "our", "level", "of", "value", "mark", "at", "to", "back", "again", "that", "this", "key",
            // "a short moving average": the length is left open (stage 8 sweeps the catalogue default's neighbours)
            "short", "shorter", "fast", "faster", "quick", "slow", "slower", "long", "longer");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:]|\\b(?:when|if|and|but|then|because|so|while|"
            + "or|once|until|unless)\\b");
    /** "a stop 1 ATR below the low", "2% above the high": an amount measured from a level, not a comparison. */
    private static final Pattern OFFSET_BEFORE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*%?\\s*(?:x\\s*|times\\s*)?$");
    /** "rising over 5 bars", "rising for the last 3 days": compared with the value that many bars ago. */
    private static final Pattern TREND_BARS = Pattern.compile("^\\s+(?:over|for)\\s+(?:the\\s+)?(?:last\\s+|past\\s+)?"
            + "(\\d+)\\s+(?:bars|days|sessions|candles|periods|weeks)\\b");
    private static final Pattern WITHIN = Pattern.compile("^\\s*,?\\s*(?:at any (?:point|time)\\s+|at some point\\s+)?"
            + "(?:with)?in\\s+the\\s+(?:last|past|previous|prior)\\s+(\\d+)\\s+(?:bars|days|sessions|candles)\\b");
    private static final Set<IndicatorKind> AVERAGES = Set.of(IndicatorKind.SMA, IndicatorKind.EMA,
            IndicatorKind.WMA);
    private static final int MAX_LEFT_WORDS = 4;
    private static final int MAX_RIGHT_WORDS = 3;

    private ConditionRules() {
    }

    static List<Finding> find(String lower, List<Mention> mentions) {
        List<Operand> operands = Operands.find(lower, mentions);
        List<Finding> found = new ArrayList<>();
        List<Condition> said = new ArrayList<>();
        boolean crossed = false;
        for (Operator operator : operators(lower)) {
            Finding finding = switch (operator.op()) {
                case GOLDEN_CROSS, DEATH_CROSS -> null;
                case RISING, FALLING -> trend(lower, operator, operands, said);
                default -> comparison(lower, operator, operands, said);
            };
            if (finding != null) {
                found.add(finding);
                crossed |= operator.op() == Op.CROSSES_ABOVE || operator.op() == Op.CROSSES_BELOW;
            }
        }
        if (!crossed) {
            for (Operator operator : operators(lower)) {
                if (operator.op() == Op.GOLDEN_CROSS || operator.op() == Op.DEATH_CROSS) {
                    found.add(NamedConditions.cross(lower, operator.start(), operator.op() == Op.GOLDEN_CROSS));
                }
            }
        }
        found.removeIf(Objects::isNull);
        found.addAll(NamedConditions.extremes(lower, mentions, found));
        found.removeIf(Objects::isNull);
        return found;
    }

    private static List<Operator> operators(String lower) {
        List<Operator> all = new ArrayList<>();
        for (var entry : OPERATORS) {
            Matcher m = entry.getKey().matcher(lower);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (all.stream().noneMatch(o -> o.start() < e && s < o.end())) {
                    all.add(new Operator(s, e, entry.getValue()));
                }
            }
        }
        all.sort(Comparator.comparingInt(Operator::start));
        return all;
    }

    private static Finding comparison(String lower, Operator operator, List<Operand> operands,
                                      List<Condition> said) {
        Operand left = left(lower, operator, operands);
        Operand right = right(lower, operator, operands);
        boolean crossing = operator.op() == Op.CROSSES_ABOVE || operator.op() == Op.CROSSES_BELOW;
        if (left != null && left.type() == Type.REFERENCE) {
            // "… and sell when it crosses back below": the same two lines as the crossing said before
            // "… sell when it crosses back above 50": "it" is the last line compared with a level, if any
            Condition before = said.isEmpty() ? null : said.getLast();
            if (right != null && right.type() == Type.CONSTANT) {
                before = said.reversed().stream().filter(c -> sides(c) != null
                        && sides(c)[1] instanceof Expression.Constant).findFirst().orElse(before);
            }
            Expression[] sides = before == null ? null : sides(before);
            if (sides == null || right != null && right.type() == Type.REFERENCE) {
                return null;
            }
            Expression r = right == null ? (crossing && isCross(before) ? sides[1] : null) : plain(right, sides[0]);
            if (r == null) {
                return null;
            }
            return said(said, lower, left.start(),
                    within(lower, right == null ? operator.end() : right.end(), compare(operator.op(), sides[0], r)),
                    assumed(left, right), 0.85);
        }
        if (left == null || right == null || right.type() == Type.REFERENCE
                || OFFSET_BEFORE.matcher(lower.substring(0, left.start())).find()) {
            return null;
        }
        Expression l;
        Expression r;
        IndicatorKind leftAverage = averageKind(left);
        IndicatorKind rightAverage = averageKind(right);
        if (crossing && left.averageHint() && right.averageHint()) {
            // "the 50 crosses above the 200": only averages cross like that
            leftAverage = IndicatorKind.SMA;
            l = average(IndicatorKind.SMA, left.value());
        } else if (left.type() == Type.BARE_AVERAGE || left.type() == Type.CONSTANT && left.averageHint()
                && (rightAverage != null || right.type() == Type.BARE_AVERAGE)) {
            IndicatorKind kind = rightAverage != null ? rightAverage : IndicatorKind.SMA;
            l = average(kind, left.value());
            leftAverage = kind;
        } else if (left.type() == Type.CONSTANT) {
            return null; // "30 is below the RSI": people put the series first; anything else is not a rule
        } else {
            l = operand(left);
        }
        if (right.type() == Type.BARE_AVERAGE || right.type() == Type.CONSTANT && right.averageHint()
                && leftAverage != null) {
            r = average(leftAverage != null ? leftAverage : IndicatorKind.SMA, right.value());
        } else {
            r = operand(right);
        }
        Condition condition = within(lower, right.end(), compare(operator.op(), l, r));
        return said(said, lower, left.start(), condition, assumed(left, right), 0.9);
    }

    private static Condition compare(Op op, Expression l, Expression r) {
        return switch (op) {
            case CROSSES_ABOVE -> new Condition.CrossesAbove(l, r);
            case CROSSES_BELOW -> new Condition.CrossesBelow(l, r);
            case ABOVE -> new Condition.Above(l, r);
            case BELOW -> new Condition.Below(l, r);
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    /** A channel compared with a price is the channel up to the bar before (the current bar is inside it). */
    private static Expression operand(Operand operand) {
        return operand.type() == Type.LEVEL ? Levels.lagged(operand.level()) : Operands.expression(operand);
    }

    /** The right side after "it": an average said by its length takes the kind of the line "it" is. */
    private static Expression plain(Operand right, Expression left) {
        if (right.type() == Type.BARE_AVERAGE || right.type() == Type.CONSTANT && right.averageHint()) {
            IndicatorKind kind = left instanceof Expression.IndicatorRef ref ? IndicatorKind.byName(ref.indicator())
                    .filter(AVERAGES::contains).orElse(IndicatorKind.SMA) : IndicatorKind.SMA;
            return average(kind, right.value());
        }
        return operand(right);
    }

    private static Expression[] sides(Condition condition) {
        return switch (condition) {
            case Condition.Above c -> new Expression[] {c.left(), c.right()};
            case Condition.Below c -> new Expression[] {c.left(), c.right()};
            case Condition.CrossesAbove c -> new Expression[] {c.left(), c.right()};
            case Condition.CrossesBelow c -> new Expression[] {c.left(), c.right()};
            case Condition.Rising c -> new Expression[] {c.value(), null};
            case Condition.Falling c -> new Expression[] {c.value(), null};
            default -> null;
        };
    }

    private static boolean isCross(Condition condition) {
        return condition instanceof Condition.CrossesAbove || condition instanceof Condition.CrossesBelow;
    }

    /** The finding for a condition (null when there is none or it could never be run), remembered for "it". */
    private static Finding said(List<Condition> said, String lower, int at, Condition condition, List<String> assumed,
                                double certainty) {
        Finding finding = condition == null ? null : ConditionForms.finding(lower, at, condition, assumed, certainty);
        if (finding != null) {
            said.add(condition);
        }
        return finding;
    }

    /**
     * "… below 5 within the last 3 bars": the condition held on one of the last n bars ({@code within n bars}),
     * read through the language's own parser so that a language without {@code within} yields no condition rather
     * than a different one.
     */
    private static Condition within(String lower, int after, Condition condition) {
        Matcher m = WITHIN.matcher(lower.substring(after));
        if (!m.find()) {
            return condition;
        }
        try {
            return RuleParser.parse("(" + StrategyFormatter.condition(condition) + ") within " + m.group(1) + " bars");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Finding trend(String lower, Operator operator, List<Operand> operands, List<Condition> said) {
        Operand left = left(lower, operator, operands);
        if (left == null) {
            return null;
        }
        Expression value;
        if (left.type() == Type.REFERENCE) {
            Expression[] sides = said.isEmpty() ? null : sides(said.getLast());
            if (sides == null) {
                return null;
            }
            value = sides[0];
        } else if (left.type() == Type.INDICATOR || left.type() == Type.BARE_AVERAGE) {
            value = left.type() == Type.BARE_AVERAGE ? average(IndicatorKind.SMA, left.value())
                    : Operands.expression(left);
        } else {
            return null;
        }
        Matcher over = TREND_BARS.matcher(lower.substring(operator.end()));
        int bars = over.find() ? Integer.parseInt(over.group(1)) : 1;
        Condition condition = operator.op() == Op.RISING ? new Condition.Rising(value, bars)
                : new Condition.Falling(value, bars);
        return said(said, lower, left.start(), condition, assumed(left, null), 0.8);
    }

    /** The nearest operand before the comparison, a few words back at most, in the same clause. */
    private static Operand left(String lower, Operator operator, List<Operand> operands) {
        Operand best = null;
        for (Operand o : operands) {
            if (o.end() <= operator.start()) {
                best = o;
            }
        }
        if (best == null) {
            return null;
        }
        String gap = lower.substring(best.end(), operator.start());
        return words(gap) <= MAX_LEFT_WORDS && !CLAUSE_BREAK.matcher(gap).find() ? best : null;
    }

    /** The first operand after the comparison, with only filler words between ("above the level of 30"). */
    private static Operand right(String lower, Operator operator, List<Operand> operands) {
        for (Operand o : operands) {
            if (o.start() >= operator.end()) {
                String gap = lower.substring(operator.end(), o.start()).strip();
                boolean fillers = gap.isEmpty()
                        || List.of(gap.split("\\s+")).stream().allMatch(RIGHT_FILLERS::contains);
                return fillers && words(gap) <= MAX_RIGHT_WORDS ? o : null;
            }
        }
        return null;
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private static IndicatorKind averageKind(Operand operand) {
        return Operands.isAverage(operand) ? operand.mention().kind() : null;
    }

    static Expression average(IndicatorKind kind, double period) {
        return new Expression.IndicatorRef(kind.wireName(), Map.of("period", period), null, null);
    }

    private static List<String> assumed(Operand left, Operand right) {
        Set<String> assumed = new LinkedHashSet<>();
        for (Operand o : new Operand[] {left, right}) {
            if (o != null && o.mention() != null) {
                assumed.addAll(o.mention().assumed());
            }
        }
        return List.copyOf(assumed);
    }
}
