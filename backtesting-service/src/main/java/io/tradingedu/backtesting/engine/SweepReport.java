package io.tradingedu.backtesting.engine;

import java.util.List;
import java.util.Map;

/**
 * A parameter sweep ranked by one metric.
 *
 * @param variants        how many parameter combinations were run
 * @param invalidVariants combinations skipped because the strategy they make is invalid (e.g. fast ≥ slow)
 * @param ranked          the best combinations first, at most the requested number
 * @param robustness      how the metric holds up one step away from the best combination
 * @param strategyBars    bars simulated in total (variants × bars), for throughput
 */
public record SweepReport(String metric, int variants, int invalidVariants, List<Variant> ranked,
                          Robustness robustness, long strategyBars, long elapsedMillis) {

    public record Variant(Map<String, Double> parameters, Metrics metrics) {
    }

    /**
     * The best variant's neighbours (each parameter moved one step up or down) and their metric: a best value that
     * collapses next door is a fitted accident, one that holds is a plateau.
     *
     * @param retained mean neighbour metric divided by the best metric (1 = flat plateau); null when undefined
     */
    public record Robustness(Double best, List<Variant> neighbours, Double neighbourMean, Double neighbourWorst,
                             Double retained) {
    }
}
