package io.tradingedu.shared.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact text form of a whole strategy, one {@code key: value} per line ({@code #} starts a comment):
 * <pre>
 * name: RSI mean reversion
 * direction: long
 * entry: RSI(14) &lt; 30
 * exit: RSI(14) &gt; 70
 * entry_stop: HIGHEST(high, 20)[1]   (a stop order to enter at this level on the next bar)
 * exit_stop: LOWEST(low, 10)[1]      (a stop order to leave at this level on the next bar)
 * reverse: true            (a filled exit stop opens the opposite position)
 * pyramiding: 3            (up to 3 units open at once)
 * stop_loss: 2%            (or: 2 ATR, 2.5 ATR(20))
 * take_profit: 2R          (or: 5%)
 * trailing_stop: 3%
 * max_bars: 20
 * size: 50%                (or: risk 1%)
 * commission_bps: 5
 * slippage_bps: 2
 * </pre>
 * Several {@code entry} lines must all hold (a rule set); several {@code exit} lines are alternatives. A strategy
 * needs an {@code entry} or an {@code entry_stop} line.
 */
public final class StrategyText {

    /**
     * {@code key: value}. Possessive ({@code *+}, {@code ++}): a run of blanks can be split between the parts in one
     * way only, so a line is matched in linear time (the lazy form backtracked cubically: one line of 3000 spaces and
     * a letter took 43 s). The value's trailing blanks are cut in {@link #read}. Public so that a reader placing
     * problems at their lines (api-service's Playground) splits a text exactly as this parser does.
     */
    public static final Pattern LINE = Pattern.compile("\\s*+([A-Za-z_ ]++)\\s*+:\\s*+(.*)");
    private static final Pattern PERCENT = Pattern.compile("([0-9.]+)\\s*%");
    private static final Pattern ATR = Pattern.compile("([0-9.]+)\\s*x?\\s*ATR(?:\\s*\\(\\s*(\\d+)\\s*\\))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern R_MULTIPLE = Pattern.compile("([0-9.]+)\\s*R", Pattern.CASE_INSENSITIVE);
    private static final Pattern RISK = Pattern.compile("risk\\s+([0-9.]+)\\s*%", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("([0-9.]+)\\s*(bps|bars)?", Pattern.CASE_INSENSITIVE);

    private String name;
    private Direction direction;
    private final List<Condition> entries = new ArrayList<>();
    private final List<Condition> exits = new ArrayList<>();
    private Risk.StopLoss stopLoss;
    private Risk.TakeProfit takeProfit;
    private Risk.TrailingStop trailingStop;
    private Integer maxBars;
    private Expression entryStop;
    private Expression exitStop;
    private Boolean reverse;
    private Integer pyramiding;
    private Sizing sizing;
    private double commissionBps;
    private double slippageBps;

    private StrategyText() {
    }

    /** @throws StrategySyntaxException naming the line and column */
    public static StrategyDefinition parse(String text) {
        StrategyText reader = new StrategyText();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "");
            if (!line.isBlank()) {
                reader.read(line, i + 1);
            }
        }
        if (reader.entries.isEmpty() && reader.entryStop == null) {
            throw new StrategySyntaxException("an 'entry:' or 'entry_stop:' line is required", lines.length, 1);
        }
        return reader.build();
    }

    private void read(String line, int lineNumber) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new StrategySyntaxException("expected 'key: value'", lineNumber, 1);
        }
        String key = matcher.group(1).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        String value = withoutTrailingBlanks(matcher.group(2));
        int valueColumn = matcher.start(2);
        try {
            apply(key, value, lineNumber);
        } catch (StrategySyntaxException e) {
            throw e.line() > 0 ? e : e.atLine(lineNumber, valueColumn);
        }
    }

    /** The value without the blanks that end its line, in one pass. */
    private static String withoutTrailingBlanks(String value) {
        int end = value.length();
        while (end > 0 && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    private void apply(String key, String value, int line) {
        switch (key) {
            case "name" -> name = value;
            case "direction", "side" -> direction = switch (value.toLowerCase(Locale.ROOT)) {
                case "long", "buy" -> Direction.LONG;
                case "short", "sell" -> Direction.SHORT;
                default -> throw new StrategySyntaxException("direction is 'long' or 'short'", line, 1);
            };
            case "entry", "enter", "buy_when" -> entries.add(RuleParser.parse(value));
            case "exit", "sell_when" -> exits.add(RuleParser.parse(value));
            case "stop_loss", "stop" -> stopLoss = stopLoss(value, line);
            case "take_profit", "target" -> takeProfit = takeProfit(value, line);
            case "trailing_stop" -> trailingStop = new Risk.TrailingStop(percent(value, line));
            case "max_bars", "time_exit" -> maxBars = wholeNumber(value, line);
            case "entry_stop", "buy_stop" -> entryStop = RuleParser.parseExpression(value);
            case "exit_stop", "sell_stop" -> exitStop = RuleParser.parseExpression(value);
            case "reverse", "stop_and_reverse" -> reverse = switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> throw new StrategySyntaxException("reverse is 'true' or 'false'", line, 1);
            };
            case "pyramiding", "max_units" -> pyramiding = wholeNumber(value, line);
            case "size", "sizing", "position_size" -> sizing = sizing(value, line);
            case "commission_bps", "commission" -> commissionBps = number(value, line);
            case "slippage_bps", "slippage" -> slippageBps = number(value, line);
            default -> throw new StrategySyntaxException("unknown key '" + key + "'; keys: name, direction, entry, "
                    + "exit, entry_stop, exit_stop, reverse, pyramiding, stop_loss, take_profit, trailing_stop, "
                    + "max_bars, size, commission_bps, slippage_bps",
                    line, 1);
        }
    }

    private static Risk.StopLoss stopLoss(String value, int line) {
        Matcher atr = ATR.matcher(value);
        if (atr.matches()) {
            Integer period = atr.group(2) == null ? null : atrPeriod(atr.group(2), line);
            return new Risk.StopLoss(null, Double.valueOf(atr.group(1)), period);
        }
        return Risk.StopLoss.percent(percent(value, line));
    }

    private static int atrPeriod(String digits, int line) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new StrategySyntaxException("the ATR period " + digits + " is too large", line, 1);
        }
    }

    private static Risk.TakeProfit takeProfit(String value, int line) {
        Matcher r = R_MULTIPLE.matcher(value);
        if (r.matches()) {
            return new Risk.TakeProfit(null, Double.valueOf(r.group(1)));
        }
        return new Risk.TakeProfit(percent(value, line), null);
    }

    private static Sizing sizing(String value, int line) {
        Matcher risk = RISK.matcher(value);
        if (risk.matches()) {
            return new Sizing(null, Double.parseDouble(risk.group(1)) / 100);
        }
        return new Sizing(percent(value.replaceFirst("(?i)\\s*(of\\s+)?equity$", ""), line) / 100, null);
    }

    private static double percent(String value, int line) {
        Matcher matcher = PERCENT.matcher(value);
        if (!matcher.matches()) {
            throw new StrategySyntaxException("expected a percentage like '2%' but found '" + value + "'", line, 1);
        }
        return parse(matcher.group(1), line);
    }

    private static double number(String value, int line) {
        Matcher matcher = NUMBER.matcher(value);
        if (!matcher.matches()) {
            throw new StrategySyntaxException("expected a number but found '" + value + "'", line, 1);
        }
        return parse(matcher.group(1), line);
    }

    private static int wholeNumber(String value, int line) {
        double number = number(value, line);
        if (number != Math.rint(number) || number > Integer.MAX_VALUE) {
            throw new StrategySyntaxException("expected a whole number but found '" + value + "'", line, 1);
        }
        return (int) number;
    }

    private static double parse(String number, int line) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new StrategySyntaxException("'" + number + "' is not a number", line, 1);
        }
    }

    private StrategyDefinition build() {
        Condition entry = entries.isEmpty() ? null : entries.size() == 1 ? entries.getFirst()
                : new Condition.AllOf(entries);
        Condition exit = exits.isEmpty() ? null : exits.size() == 1 ? exits.getFirst() : new Condition.AnyOf(exits);
        return new StrategyDefinition(StrategyDefinition.VERSION, name, direction, entry, exit,
                new Risk(stopLoss, takeProfit, trailingStop, maxBars), sizing, new Costs(commissionBps, slippageBps),
                entryStop, exitStop, reverse, pyramiding);
    }
}
