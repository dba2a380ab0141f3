package io.tradingedu.shared.backtest;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.Arrays;
import java.util.List;

/**
 * A number the lesson left open ("a short moving average"), tuned in-sample by stage 9: where it sits in the
 * strategy's JSON and the values to try, {@code from} to {@code to} by {@code step}. Several paths take the same value
 * (the fast average of the entry and of the exit rule).
 *
 * @param paths  dotted JSON paths as the backtesting sweep takes them, e.g. {@code entry.left.params.period}
 * @param reason why the parameter is open, in words (shown with the candidate)
 */
public record OpenParameter(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> paths,
        double from,
        double to,
        double step,
        String reason) {

    public OpenParameter {
        paths = paths == null ? List.of() : paths.stream().flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** How many values the range holds (at least one). */
    public int count() {
        return step > 0 && to >= from ? (int) Math.floor((to - from) / step + 1e-9) + 1 : 1;
    }
}
