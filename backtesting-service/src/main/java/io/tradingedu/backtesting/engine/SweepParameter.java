package io.tradingedu.backtesting.engine;

import java.util.Arrays;
import java.util.List;

/**
 * One swept number of a strategy: where it is in the strategy's JSON ({@code entry.left.params.period},
 * {@code risk.stop_loss.percent}, {@code entry.conditions[1].right.constant}) and the values from..to by step.
 * Several comma-separated paths take the same value, e.g. the fast average of the entry and of the exit rule:
 * {@code entry.left.params.period,exit.left.params.period}.
 */
public record SweepParameter(String path, double from, double to, double step) {

    public SweepParameter {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a swept parameter needs a path");
        }
        if (!(step > 0) || to < from) {
            throw new IllegalArgumentException("parameter " + path + ": needs from ≤ to and a positive step");
        }
    }

    List<String> paths() {
        return Arrays.stream(path.split(",")).map(String::trim).toList();
    }

    public int count() {
        return (int) Math.floor((to - from) / step + 1e-9) + 1;
    }

    double value(int index) {
        return from + index * step;
    }
}
