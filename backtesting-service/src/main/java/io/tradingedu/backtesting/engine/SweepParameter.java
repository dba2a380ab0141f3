package io.tradingedu.backtesting.engine;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * One swept number of a strategy: where it is in the strategy's JSON ({@code entry.left.params.period},
 * {@code risk.stop_loss.percent}, {@code entry.conditions[1].right.constant}) and the values from..to by step.
 * Several comma-separated paths take the same value, e.g. the fast average of the entry and of the exit rule:
 * {@code entry.left.params.period,exit.left.params.period}. Built as sent (so a request can be answered naming the
 * field that is wrong); {@link #problem()} says whether it can be swept.
 */
public record SweepParameter(String path, double from, double to, double step) {

    /** @return what is wrong with this parameter, or null when it can be swept */
    public String problem() {
        if (path == null || path.isBlank()) {
            return "a swept parameter needs a path";
        }
        if (!Double.isFinite(from) || !Double.isFinite(to) || !Double.isFinite(step)) {
            return "parameter " + path + ": from, to and step must be finite numbers";
        }
        if (!(step > 0) || to < from) {
            return "parameter " + path + ": needs from ≤ to and a positive step";
        }
        return null;
    }

    List<String> paths() {
        return Arrays.stream(path.split(",")).map(String::trim).toList();
    }

    /** Values from..to by step, without listing them; saturates at {@link Long#MAX_VALUE} (a step of 1e-300). */
    public long values() {
        double count = Math.floor((to - from) / step + 1e-9) + 1;
        return count >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) count;
    }

    /** {@link #values()} as an int, saturating at {@link Integer#MAX_VALUE}. */
    public int count() {
        return (int) Math.min(Integer.MAX_VALUE, values());
    }

    double value(int index) {
        return from + index * step;
    }

    /** Variants of a sweep over all of {@code parameters}: the product of their value counts, exactly. */
    public static BigInteger combinations(List<SweepParameter> parameters) {
        BigInteger total = BigInteger.ONE;
        for (SweepParameter parameter : parameters) {
            total = total.multiply(BigInteger.valueOf(parameter.values()));
        }
        return total;
    }
}
