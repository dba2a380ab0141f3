package io.tradingedu.shared.strategy;

/**
 * One reason a strategy is not valid.
 *
 * @param path    where in the strategy, e.g. {@code entry.left.params.period}
 * @param message what is wrong, in words a strategy author can act on
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
