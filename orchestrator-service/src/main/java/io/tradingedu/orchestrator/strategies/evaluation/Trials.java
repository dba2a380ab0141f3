package io.tradingedu.orchestrator.strategies.evaluation;

import io.tradingedu.shared.pipeline.StrategiesBacktested.Tuning;
import java.util.List;
import java.util.Objects;

/**
 * The trials behind a lesson's candidates, in per-bar Sharpe units (annualised / √P): how many variants were tried
 * and the mean and variance of their in-sample Sharpe ratios. Every candidate's trials count, so a lesson that offers
 * ten strategies is deflated as one search over all of them.
 */
record Trials(long count, double mean, double variance) {

    static final Trials ONE = new Trials(1, 0, 0);

    /**
     * A candidate's trials, never fewer than one, so that no candidate drops out of N: every variant stage 9 ran is a
     * trial of the search, also one whose in-sample Sharpe ratio is undefined (it never traded; stage 9 counts it with
     * Sharpe 0). The count is the larger of the reported trials and the variants run (tried − invalid). Without the
     * Sharpe statistics or the bars per year the trials still count, with mean 0 and no spread of their own.
     */
    static Trials of(Tuning tuning) {
        if (tuning == null) {
            return ONE;
        }
        long count = Math.max(1, Math.max(tuning.trials(), tuning.variants() - tuning.invalidVariants()));
        if (tuning.sharpeMean() == null || tuning.periodsPerYear() == null || !(tuning.periodsPerYear() > 0)) {
            return new Trials(count, 0, 0);
        }
        double perYear = tuning.periodsPerYear();
        double variance = tuning.sharpeVariance() == null ? 0 : tuning.sharpeVariance();
        return new Trials(count, tuning.sharpeMean() / Math.sqrt(perYear), variance / perYear);
    }

    /**
     * All trials as one sample: N = Σ nᵢ, mean = Σ nᵢ mᵢ / N and the sample variance
     * (Σ (nᵢ − 1) vᵢ + Σ nᵢ (mᵢ − mean)²) / (N − 1), which is what the variances of the parts add up to.
     */
    static Trials pool(List<Trials> parts) {
        List<Trials> known = parts.stream().filter(Objects::nonNull).toList();
        long n = known.stream().mapToLong(Trials::count).sum();
        if (n == 0) {
            return ONE;
        }
        double mean = known.stream().mapToDouble(t -> t.count() * t.mean()).sum() / n;
        if (n == 1) {
            return new Trials(1, mean, 0);
        }
        double squares = known.stream().mapToDouble(t -> (t.count() - 1) * t.variance()
                + t.count() * (t.mean() - mean) * (t.mean() - mean)).sum();
        return new Trials(n, mean, squares / (n - 1));
    }
}
