package io.tradingedu.backtesting.engine;

import java.time.Duration;
import java.util.List;

/**
 * Computes {@link Metrics} from an equity curve, its trades and the bars it covered. Per-bar returns are
 * {@code r_t = E_t / E_(t-1) - 1}; annualisation uses the bars per year of the data itself,
 * {@code P = (N - 1) / years}, so daily stock bars (≈252/year) and 24/7 crypto bars are both right. The risk-free
 * rate is 0.
 */
public final class MetricsCalculator {

    private static final double DAYS_PER_YEAR = 365.25;

    private MetricsCalculator() {
    }

    public static Metrics compute(EquityCurve curve, List<Trade> trades, double firstClose, double lastClose) {
        double[] equity = curve.equity();
        int n = equity.length;
        double start = equity[0];
        double end = equity[n - 1];
        double years = Duration.between(curve.times()[0], curve.times()[n - 1]).toSeconds() / (DAYS_PER_YEAR * 86_400);
        double periodsPerYear = years > 0 ? (n - 1) / years : Double.NaN;

        double[] returns = new double[Math.max(n - 1, 0)];
        for (int i = 1; i < n; i++) {
            returns[i - 1] = equity[i] / equity[i - 1] - 1;
        }
        double meanReturn = mean(returns);
        double sd = sampleStandardDeviation(returns, meanReturn);
        double downside = downsideDeviation(returns);
        double totalReturn = end / start - 1;
        double cagr = years > 0 && end > 0 ? Math.pow(end / start, 1 / years) - 1 : Double.NaN;
        Drawdown drawdown = Drawdown.of(curve);

        return new Metrics(
                totalReturn,
                value(cagr),
                value(sd * Math.sqrt(periodsPerYear)),
                value(sd > 0 ? meanReturn / sd * Math.sqrt(periodsPerYear) : Double.NaN),
                value(downside > 0 ? meanReturn / downside * Math.sqrt(periodsPerYear) : Double.NaN),
                value(drawdown.max() > 0 ? cagr / drawdown.max() : Double.NaN),
                drawdown.max(),
                drawdown.longestBars(),
                drawdown.longestDays(),
                trades.size(),
                value(trades.isEmpty() ? Double.NaN
                        : (double) trades.stream().filter(t -> t.pnl() > 0).count() / trades.size()),
                profitFactor(trades),
                value(trades.stream().mapToDouble(Trade::pnl).average().orElse(Double.NaN)),
                value(trades.stream().mapToDouble(Trade::pnlPercent).average().orElse(Double.NaN)),
                value(trades.stream().mapToInt(Trade::barsHeld).average().orElse(Double.NaN)),
                exposure(curve),
                lastClose / firstClose - 1,
                sqn(trades),
                start,
                end,
                n,
                value(skewness(returns, meanReturn)),
                value(kurtosis(returns, meanReturn)),
                returns.length,
                value(periodsPerYear));
    }

    /**
     * Moment-ratio skewness {@code m3 / m2^(3/2)} with {@code m_k = Σ (r − mean)^k / n} (the estimator of the
     * probabilistic and deflated Sharpe ratios); NaN below 3 returns or without variance.
     */
    static double skewness(double[] returns, double mean) {
        double m2 = centralMoment(returns, mean, 2);
        return returns.length >= 3 && m2 > 0 ? centralMoment(returns, mean, 3) / Math.pow(m2, 1.5) : Double.NaN;
    }

    /** Kurtosis {@code m4 / m2²}, not in excess (a normal distribution has 3); NaN below 3 returns or without variance. */
    static double kurtosis(double[] returns, double mean) {
        double m2 = centralMoment(returns, mean, 2);
        return returns.length >= 3 && m2 > 0 ? centralMoment(returns, mean, 4) / (m2 * m2) : Double.NaN;
    }

    private static double centralMoment(double[] values, double mean, int k) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.pow(v - mean, k);
        }
        return sum / values.length;
    }

    private static Double profitFactor(List<Trade> trades) {
        double won = trades.stream().mapToDouble(Trade::pnl).filter(p -> p > 0).sum();
        double lost = -trades.stream().mapToDouble(Trade::pnl).filter(p -> p < 0).sum();
        return lost > 0 ? won / lost : null;
    }

    /** Van Tharp's System Quality Number on trade returns: √N × mean / standard deviation. */
    private static Double sqn(List<Trade> trades) {
        double[] r = trades.stream().mapToDouble(Trade::pnlPercent).toArray();
        double mean = mean(r);
        double sd = sampleStandardDeviation(r, mean);
        return value(r.length >= 2 && sd > 0 ? Math.sqrt(r.length) * mean / sd : Double.NaN);
    }

    private static double exposure(EquityCurve curve) {
        int inMarket = 0;
        for (boolean held : curve.inMarket()) {
            inMarket += held ? 1 : 0;
        }
        return (double) inMarket / curve.size();
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double sampleStandardDeviation(double[] values, double mean) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** √(mean of min(r, 0)²) over all returns: only losses count as risk. */
    static double downsideDeviation(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        double squares = 0;
        for (double r : returns) {
            squares += r < 0 ? r * r : 0;
        }
        return Math.sqrt(squares / returns.length);
    }

    private static Double value(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Deepest fall from a running peak, and the longest span from a peak to the bar that regained it (or to the last
     * bar, if it never did).
     */
    record Drawdown(double max, int longestBars, long longestDays) {
        static Drawdown of(EquityCurve curve) {
            double[] equity = curve.equity();
            double peak = equity[0];
            int peakBar = 0;
            double max = 0;
            int longestBars = 0;
            long longestDays = 0;
            for (int i = 1; i < equity.length; i++) {
                boolean recovered = equity[i] >= peak;
                boolean wasUnderwater = i - 1 > peakBar;
                if (!recovered || wasUnderwater) {
                    // under water since peakBar: until this bar, or until this bar recovered the peak
                    if (i - peakBar > longestBars) {
                        longestBars = i - peakBar;
                        longestDays = Duration.between(curve.times()[peakBar], curve.times()[i]).toDays();
                    }
                }
                if (recovered) {
                    peak = equity[i];
                    peakBar = i;
                } else {
                    max = Math.max(max, 1 - equity[i] / peak);
                }
            }
            return new Drawdown(max, longestBars, longestDays);
        }
    }
}
