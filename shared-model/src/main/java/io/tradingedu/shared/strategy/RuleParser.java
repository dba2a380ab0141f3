package io.tradingedu.shared.strategy;

import io.tradingedu.shared.strategy.Expression.IndicatorRef;
import io.tradingedu.shared.strategy.RuleTokenizer.Kind;
import io.tradingedu.shared.strategy.RuleTokenizer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one rule of the compact text form into a {@link Condition}:
 * <pre>
 * rule       := or
 * or         := and ("or" and)*
 * and        := within ("and" within)*
 * within     := unary ("within" bars ["bars"])*
 * unary      := "not" within | "(" or ")" | "stop_loss_hit" | "take_profit_hit" | comparison
 * comparison := expr (">" | "<" | ">=" | "<=" | "above" | "below" | "crosses above" | "crosses below") expr
 *             | expr "between" expr "and" expr
 *             | expr ("rising" | "falling") ["over"] [bars] ["bars"]
 * expr       := atom ("[" bars "]")*
 * atom       := number | open | high | low | close | volume | indicator ["(" args ")"] ["." output]
 * </pre>
 * Numbers may be signed ({@code CCI(20) crosses under -100}, {@code > +100}); {@code crosses over/under} are
 * aliases of {@code crosses above/below}. {@code X[n]} is X n bars ago ({@code close[1]}, {@code HIGHEST(high, 20)[1]}).
 * Indicators take positional parameters in catalogue order ({@code MACD(12, 26, 9)}) or named ones
 * ({@code BOLLINGER(period=20, k=2.5)}); smoothing indicators may take a series first ({@code SMA(RSI(14), 5)}).
 * An output can follow an underscore, as the original system wrote it: {@code MACD_histogram}, {@code BOLLINGER_upper}.
 * {@code within} binds tighter than {@code not}: {@code not A within 3 bars} is {@code not (A within 3 bars)}.
 * Rules nest at most {@link StrategyValidator#MAX_NESTING} levels deep; a deeper one is a syntax error at the token
 * that goes too deep, found before the parser recurses further.
 */
public final class RuleParser {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("BB", "BOLLINGER"), Map.entry("BBANDS", "BOLLINGER"), Map.entry("STOCH", "STOCHASTIC"),
            Map.entry("WILLR", "WILLIAMS_R"), Map.entry("%R", "WILLIAMS_R"), Map.entry("SAR", "PSAR"),
            Map.entry("PARABOLIC_SAR", "PSAR"), Map.entry("DC", "DONCHIAN"), Map.entry("KC", "KELTNER"),
            Map.entry("CRSI", "CONNORS_RSI"), Map.entry("CONNORSRSI", "CONNORS_RSI"),
            Map.entry("SUPER_TREND", "SUPERTREND"));
    private static final Map<String, String> OUTPUT_ALIASES = Map.of("hist", "histogram", "pct_b", "percent_b",
            "b", "percent_b", "upper_band", "upper", "lower_band", "lower", "bandwidth", "width");

    private final List<Token> tokens;
    private int position;
    /** Levels of nesting open around the token being read: nots, parentheses, indicator inputs. */
    private int depth;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws StrategySyntaxException naming the column and what was expected */
    public static Condition parse(String rule) {
        if (rule == null || rule.isBlank()) {
            throw new StrategySyntaxException("the rule is empty", 0, 1);
        }
        RuleParser parser = new RuleParser(RuleTokenizer.tokenize(rule));
        Condition condition = parser.or();
        if (parser.peek().kind() != Kind.END) {
            throw parser.error("expected 'and', 'or' or the end of the rule");
        }
        // chains (A within 2 within 3, close[1][1]) at several levels can add up beyond the limit
        if (Nesting.height(condition, Nesting.MAX) > Nesting.MAX) {
            throw new StrategySyntaxException(Nesting.message(), 0, 1);
        }
        return condition;
    }

    private Condition or() {
        List<Condition> alternatives = new ArrayList<>(List.of(and()));
        while (peek().is("or") || peek().is("|")) {
            next();
            alternatives.add(and());
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : new Condition.AnyOf(alternatives);
    }

    private Condition and() {
        List<Condition> all = new ArrayList<>(List.of(within()));
        while (peek().is("and") || peek().is("&")) {
            next();
            all.add(within());
        }
        return all.size() == 1 ? all.getFirst() : new Condition.AllOf(all);
    }

    private Condition within() {
        Condition condition = unary();
        int wraps = 0;
        while (peek().is("within")) {
            deeper(next(), ++wraps);
            Token number = next();
            if (number.kind() != Kind.NUMBER) {
                throw error(number, "expected the number of bars after 'within' but found " + number.describe());
            }
            int bars = wholeBars(number);
            if (peek().is("bars") || peek().is("bar")) {
                next();
            }
            condition = new Condition.Within(bars, condition);
        }
        return condition;
    }

    private Condition unary() {
        if (peek().is("not") || peek().is("!")) {
            deeper(next(), 1);
            depth++;
            try {
                // within binds tighter: not A within 3 = not (A within 3)
                return new Condition.Not(within());
            } finally {
                depth--;
            }
        }
        if (peek().is("(")) {
            deeper(next(), 1);
            depth++;
            try {
                Condition inner = or();
                expect(")");
                return inner;
            } finally {
                depth--;
            }
        }
        if (peek().is("stop_loss_hit")) {
            next();
            return new Condition.StopLossHit();
        }
        if (peek().is("take_profit_hit")) {
            next();
            return new Condition.TakeProfitHit();
        }
        return comparison();
    }

    private Condition comparison() {
        Expression left = expression();
        Token operator = next();
        String op = operator.text().toLowerCase(Locale.ROOT);
        if (operator.is("crosses") || operator.is("cross")) {
            Token direction = next();
            if (direction.is("above") || direction.is("over")) {
                return new Condition.CrossesAbove(left, expression());
            }
            if (direction.is("below") || direction.is("under")) {
                return new Condition.CrossesBelow(left, expression());
            }
            throw error(direction, "expected 'above' or 'below' after 'crosses'");
        }
        return switch (op) {
            case ">", "above" -> new Condition.Above(left, expression());
            case "<", "below" -> new Condition.Below(left, expression());
            case ">=" -> new Condition.Not(new Condition.Below(left, expression()));
            case "<=" -> new Condition.Not(new Condition.Above(left, expression()));
            case "between" -> between(left);
            case "rising" -> new Condition.Rising(left, lookback());
            case "falling" -> new Condition.Falling(left, lookback());
            case "=", "==" -> throw error(operator, "equality of prices is almost never exact; use 'between'");
            default -> throw error(operator, "expected a comparison (>, <, >=, <=, crosses above, crosses below, "
                    + "between, rising, falling) but found " + operator.describe());
        };
    }

    private Condition between(Expression value) {
        Expression lower = expression();
        if (!(peek().is("and") || peek().is("&"))) {
            throw error("expected 'and' between the two bounds of 'between'");
        }
        next();
        return new Condition.Between(value, lower, expression());
    }

    private int lookback() {
        if (peek().is("over") || peek().is("for")) {
            next();
        }
        int bars = 1;
        if (peek().kind() == Kind.NUMBER) {
            bars = wholeBars(next());
        }
        if (peek().is("bars") || peek().is("bar")) {
            next();
        }
        return bars;
    }

    private int wholeBars(Token number) {
        double value = number(number);
        if (value != Math.rint(value) || value < 1) {
            throw error(number, "the number of bars must be a whole number of at least 1, was " + number.text());
        }
        // the validator names the upper limit with the path
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** One series, as in {@code entry_stop: HIGHEST(high, 20)[1]}. */
    public static Expression parseExpression(String text) {
        if (text == null || text.isBlank()) {
            throw new StrategySyntaxException("the expression is empty", 0, 1);
        }
        RuleParser parser = new RuleParser(RuleTokenizer.tokenize(text));
        Expression expression = parser.expression();
        if (parser.peek().kind() != Kind.END) {
            throw parser.error("expected the end of the expression");
        }
        if (Nesting.height(expression, Nesting.MAX) > Nesting.MAX) {
            throw new StrategySyntaxException(Nesting.message(), 0, 1);
        }
        return expression;
    }

    private Expression expression() {
        Expression expression = atom();
        int wraps = 0;
        while (peek().is("[")) {
            deeper(next(), ++wraps);
            Token number = next();
            if (number.kind() != Kind.NUMBER) {
                throw error(number, "expected how many bars ago, e.g. close[1], but found " + number.describe());
            }
            int bars = wholeBars(number);
            expect("]");
            expression = Expressions.lag(expression, bars);
        }
        return expression;
    }

    private Expression atom() {
        Token token = next();
        if (token.kind() == Kind.NUMBER) {
            return new Expression.Constant(number(token));
        }
        if (token.kind() != Kind.WORD) {
            throw error(token, "expected a number, a price or an indicator but found " + token.describe());
        }
        String word = token.text().toLowerCase(Locale.ROOT);
        for (PriceField field : PriceField.values()) {
            if (field.name().equalsIgnoreCase(word)) {
                return new Expression.Price(field);
            }
        }
        if (word.equals("price")) {
            return new Expression.Price(PriceField.CLOSE);
        }
        return indicator(token);
    }

    private Expression indicator(Token token) {
        String upper = token.text().toUpperCase(Locale.ROOT);
        String output = null;
        String name = resolveName(upper);
        if (name == null) {
            int underscore = splitPoint(upper);
            if (underscore < 0) {
                throw error(token, "unknown indicator '" + token.text() + "'");
            }
            name = resolveName(upper.substring(0, underscore));
            output = outputName(token.text().substring(underscore + 1));
        }
        Map<String, Double> params = new LinkedHashMap<>();
        Expression input = null;
        if (peek().is("(")) {
            next();
            input = arguments(IndicatorKind.byName(name).orElseThrow(), params);
        }
        if (peek().is(".")) {
            next();
            Token out = next();
            if (out.kind() != Kind.WORD) {
                throw error(out, "expected an output name after '.'");
            }
            output = outputName(out.text());
        }
        return new IndicatorRef(name, params, output, input);
    }

    /** Index of the underscore that separates an indicator name from its output, trying the longest name first. */
    private static int splitPoint(String upper) {
        for (int i = upper.lastIndexOf('_'); i > 0; i = upper.lastIndexOf('_', i - 1)) {
            if (resolveName(upper.substring(0, i)) != null) {
                return i;
            }
        }
        return -1;
    }

    private static String resolveName(String upper) {
        String name = ALIASES.getOrDefault(upper, upper);
        return IndicatorKind.byName(name).map(IndicatorKind::wireName).orElse(null);
    }

    private static String outputName(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return OUTPUT_ALIASES.getOrDefault(lower, lower);
    }

    /** Fills params; returns the input series when the first argument is one. */
    private Expression arguments(IndicatorKind kind, Map<String, Double> params) {
        Expression input = null;
        int positional = 0;
        boolean first = true;
        while (!peek().is(")")) {
            if (!first) {
                expect(",");
            }
            Token token = peek();
            if (token.kind() == Kind.WORD && tokens.get(position + 1).is("=")) {
                next();
                next();
                params.put(token.text().toLowerCase(Locale.ROOT), number(expectNumber()));
            } else if (token.kind() == Kind.NUMBER) {
                if (positional >= kind.params().size()) {
                    throw error(token, kind.wireName() + " takes " + kind.params().size() + " parameter(s)");
                }
                params.put(kind.params().get(positional++).name(), number(next()));
            } else if (first && kind.takesInput()) {
                deeper(token, 1);
                depth++;
                try {
                    input = expression();
                } finally {
                    depth--;
                }
            } else {
                throw error(token, "expected a number as parameter of " + kind.wireName());
            }
            first = false;
        }
        next();
        return input;
    }

    private Token expectNumber() {
        Token token = next();
        if (token.kind() != Kind.NUMBER) {
            throw error(token, "expected a number but found " + token.describe());
        }
        return token;
    }

    private double number(Token token) {
        try {
            return Double.parseDouble(token.text());
        } catch (NumberFormatException e) {
            throw error(token, "'" + token.text() + "' is not a number");
        }
    }

    /** Refuses a token that would nest {@code levels} deeper than the open levels allow, before recursing. */
    private void deeper(Token at, int levels) {
        if (depth + levels > Nesting.MAX) {
            throw error(at, Nesting.message());
        }
    }

    private void expect(String symbol) {
        Token token = next();
        if (!token.is(symbol)) {
            throw error(token, "expected '" + symbol + "' but found " + token.describe());
        }
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    private StrategySyntaxException error(String message) {
        return error(peek(), message + " but found " + peek().describe());
    }

    private static StrategySyntaxException error(Token token, String message) {
        return new StrategySyntaxException(message, 0, token.column());
    }
}
