package io.tradingedu.shared.strategy;

/** Compact strategy text that cannot be read, with where: line (1-based, 0 for a single rule) and column. */
public class StrategySyntaxException extends RuntimeException {

    private final int line;
    private final int column;

    public StrategySyntaxException(String message, int line, int column) {
        super((line > 0 ? "line " + line + ", " : "") + "column " + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    StrategySyntaxException atLine(int newLine, int columnOffset) {
        String bare = getMessage().substring(getMessage().indexOf(": ") + 2);
        return new StrategySyntaxException(bare, newLine, column + columnOffset);
    }
}
