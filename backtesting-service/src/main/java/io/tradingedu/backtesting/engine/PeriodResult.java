package io.tradingedu.backtesting.engine;

import java.time.Instant;
import java.util.List;

/** One tested period: its label ({@code full}, {@code in_sample}, {@code out_of_sample}, {@code window_3}), bounds and outcome. */
public record PeriodResult(String label, Instant from, Instant to, Metrics metrics, List<Trade> trades,
                           EquityCurve equity) {
}
