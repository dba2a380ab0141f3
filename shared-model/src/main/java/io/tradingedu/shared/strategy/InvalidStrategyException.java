package io.tradingedu.shared.strategy;

import java.util.List;
import java.util.stream.Collectors;

/** A strategy that cannot be run, with every reason found. */
public class InvalidStrategyException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidStrategyException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
