package io.tradingedu.api.playground;

import java.util.List;

/** A strategy text sent to be run that cannot be: answered as a 400 problem listing each problem at its line. */
class InvalidStrategyTextException extends RuntimeException {

    private final List<TextProblem> problems;

    InvalidStrategyTextException(List<TextProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    List<TextProblem> problems() {
        return problems;
    }

    private static String summary(List<TextProblem> problems) {
        TextProblem first = problems.getFirst();
        String where = first.line() == null ? "" : "line " + first.line() + ", column " + first.column() + ": ";
        return where + first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }
}
