package io.tradingedu.orchestrator.strategies.evaluation;

/**
 * The probabilistic and deflated Sharpe ratios (Bailey &amp; López de Prado, "The Sharpe Ratio Efficient Frontier",
 * 2012, and "The Deflated Sharpe Ratio", 2014). Sharpe ratios here are per bar (an annualised one divided by √P);
 * kurtosis is non-excess (normal = 3).
 *
 * <pre>
 * PSR(SR*) = Φ( (SR − SR*) √(n − 1) / √(1 − γ3 SR + (γ4 − 1) / 4 · SR²) )
 * SR*₀     = √V · ( (1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e)) )       γ = 0.5772… (Euler–Mascheroni)
 * DSR      = PSR(SR*₀)
 * </pre>
 * with n returns, skewness γ3, kurtosis γ4, N trials and V the variance of the trials' Sharpe ratios.
 */
final class SharpeStatistics {

    static final double EULER_MASCHERONI = 0.5772156649015329;

    private SharpeStatistics() {
    }

    /** The probability that the true Sharpe ratio exceeds {@code benchmark}, given the sample's shape. */
    static double probabilisticSharpe(double sharpe, double benchmark, long returns, double skewness,
                                      double kurtosis) {
        if (returns < 2) {
            throw new IllegalArgumentException("the probabilistic Sharpe ratio needs at least 2 returns, got " + returns);
        }
        double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(variance > 0)) {
            throw new IllegalArgumentException("skewness " + skewness + " and kurtosis " + kurtosis
                    + " make the Sharpe ratio's variance non-positive");
        }
        return normalCdf((sharpe - benchmark) * Math.sqrt(returns - 1) / Math.sqrt(variance));
    }

    /** The Sharpe ratio the best of {@code trials} skill-less trials is expected to reach: the deflation benchmark. */
    static double expectedMaximumSharpe(double trialVariance, long trials) {
        if (trials < 1 || trialVariance < 0) {
            throw new IllegalArgumentException("needs at least one trial and a variance of at least 0");
        }
        if (trials == 1 || trialVariance == 0) {
            return 0;
        }
        double n = trials;
        return Math.sqrt(trialVariance) * ((1 - EULER_MASCHERONI) * inverseNormalCdf(1 - 1 / n)
                + EULER_MASCHERONI * inverseNormalCdf(1 - 1 / (n * Math.E)));
    }

    /**
     * Φ, by Marsaglia's series (J. Stat. Software 11(4), 2004): Φ(x) = ½ + φ(x) (x + x³/3 + x⁵/(3·5) + …),
     * accurate to about 1e-15; beyond ±8.5 it is 0 or 1 to double precision.
     */
    static double normalCdf(double x) {
        if (x < -8.5) {
            return 0;
        }
        if (x > 8.5) {
            return 1;
        }
        double sum = x;
        double term = x;
        double previous = 0;
        for (int i = 3; sum != previous; i += 2) {
            previous = sum;
            term *= x * x / i;
            sum += term;
        }
        return 0.5 + sum * Math.exp(-0.5 * x * x - 0.91893853320467274178);
    }

    /** Φ⁻¹, by Acklam's rational approximation refined with one Halley step on {@link #normalCdf}. */
    static double inverseNormalCdf(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be between 0 and 1 (exclusive), was " + p);
        }
        double x;
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = tail(q);
        } else if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -tail(q);
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                    + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                    / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
        }
        double error = normalCdf(x) - p;
        double u = error * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    private static double tail(double q) {
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1);
    }
}
