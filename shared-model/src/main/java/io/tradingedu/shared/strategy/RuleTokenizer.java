package io.tradingedu.shared.strategy;

import java.util.ArrayList;
import java.util.List;

/** Splits a compact rule into words, numbers and symbols, remembering each token's column. */
final class RuleTokenizer {

    enum Kind { WORD, NUMBER, SYMBOL, END }

    record Token(Kind kind, String text, int column) {
        boolean is(String word) {
            return kind != Kind.NUMBER && text.equalsIgnoreCase(word);
        }

        String describe() {
            return kind == Kind.END ? "the end of the rule" : "'" + text + "'";
        }
    }

    private RuleTokenizer() {
    }

    static List<Token> tokenize(String rule) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < rule.length()) {
            char c = rule.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (startsNumber(rule, i)) {
                i++;
                while (i < rule.length() && (Character.isDigit(rule.charAt(i)) || rule.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, rule.substring(start, i), start + 1));
            } else if (Character.isLetter(c) || c == '_' || c == '%') {
                i++;
                while (i < rule.length() && (Character.isLetterOrDigit(rule.charAt(i)) || rule.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, rule.substring(start, i), start + 1));
            } else if ((c == '>' || c == '<' || c == '=' || c == '!') && i + 1 < rule.length() && rule.charAt(i + 1) == '=') {
                i += 2;
                tokens.add(new Token(Kind.SYMBOL, rule.substring(start, i), start + 1));
            } else if ("()[]<>,.=&|!".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start + 1));
            } else {
                throw new StrategySyntaxException("unexpected character '" + c + "'", 0, start + 1);
            }
        }
        tokens.add(new Token(Kind.END, "", rule.length() + 1));
        return tokens;
    }

    /**
     * A digit, a point before a digit, or a sign before either starts a number: the language has no arithmetic, so
     * {@code -100} and {@code +100} are always signed constants ({@code CCI(20) crosses under -100}).
     */
    private static boolean startsNumber(String rule, int i) {
        char c = rule.charAt(i);
        int digitAt = c == '-' || c == '+' ? i + 1 : i;
        if (digitAt < rule.length() && rule.charAt(digitAt) == '.') {
            digitAt++;
        }
        return digitAt < rule.length() && Character.isDigit(rule.charAt(digitAt));
    }
}
