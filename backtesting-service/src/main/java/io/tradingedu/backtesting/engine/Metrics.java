package io.tradingedu.backtesting.engine;

import java.util.List;

/**
 * Performance of one simulated range. Returns, rates and drawdowns are fractions (0.12 = 12 %); money is in the
 * account currency. A metric that is undefined for the data (a Sharpe ratio without any volatility, a profit factor
 * without a losing trade) is null. Formulas: docs/backtesting.md#metrics and {@link MetricsCalculator}.
 */
public record Metrics(
        Double totalReturn,
        Double cagr,
        Double annualVolatility,
        Double sharpe,
        Double sortino,
        Double calmar,
        Double maxDrawdown,
        int maxDrawdownBars,
        long maxDrawdownDays,
        int trades,
        Double winRate,
        Double profitFactor,
        Double expectancy,
        Double averageTradePercent,
        Double averageBarsHeld,
        Double exposure,
        Double buyAndHoldReturn,
        Double sqn,
        double startEquity,
        double endEquity,
        int bars,
        Double returnsSkewness,
        Double returnsKurtosis,
        int returnCount,
        Double periodsPerYear) {

    /** The metrics before the per-bar return moments were added (stage 10 reads those for its Sharpe corrections). */
    public Metrics(Double totalReturn, Double cagr, Double annualVolatility, Double sharpe, Double sortino,
                   Double calmar, Double maxDrawdown, int maxDrawdownBars, long maxDrawdownDays, int trades,
                   Double winRate, Double profitFactor, Double expectancy, Double averageTradePercent,
                   Double averageBarsHeld, Double exposure, Double buyAndHoldReturn, Double sqn, double startEquity,
                   double endEquity, int bars) {
        this(totalReturn, cagr, annualVolatility, sharpe, sortino, calmar, maxDrawdown, maxDrawdownBars,
                maxDrawdownDays, trades, winRate, profitFactor, expectancy, averageTradePercent, averageBarsHeld,
                exposure, buyAndHoldReturn, sqn, startEquity, endEquity, bars, null, null, Math.max(bars - 1, 0), null);
    }

    /** The metrics that can be read by name: for ranking sweeps and for the pipeline's outcome. */
    public static final List<String> NAMES = List.of("total_return", "cagr", "annual_volatility", "sharpe", "sortino",
            "calmar", "max_drawdown", "win_rate", "profit_factor", "expectancy", "average_trade_percent", "sqn",
            "trades", "returns_skewness", "returns_kurtosis", "return_count", "periods_per_year");

    /** The metric called {@code name} (one of {@link #NAMES}); null when it is undefined for the data. */
    public Double byName(String name) {
        return switch (name) {
            case "total_return" -> totalReturn;
            case "cagr" -> cagr;
            case "annual_volatility" -> annualVolatility;
            case "sharpe" -> sharpe;
            case "sortino" -> sortino;
            case "calmar" -> calmar;
            case "max_drawdown" -> maxDrawdown;
            case "win_rate" -> winRate;
            case "profit_factor" -> profitFactor;
            case "expectancy" -> expectancy;
            case "average_trade_percent" -> averageTradePercent;
            case "sqn" -> sqn;
            case "trades" -> (double) trades;
            case "returns_skewness" -> returnsSkewness;
            case "returns_kurtosis" -> returnsKurtosis;
            case "return_count" -> (double) returnCount;
            case "periods_per_year" -> periodsPerYear;
            default -> throw unknown(name);
        };
    }

    /** @throws IllegalArgumentException naming the metrics there are */
    public static void requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw unknown(name);
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown metric '" + name + "'; metrics: " + String.join(", ", NAMES));
    }

    /** Whether a larger value is better (false for drawdown and volatility). */
    public static boolean higherIsBetter(String name) {
        return !name.equals("max_drawdown") && !name.equals("annual_volatility");
    }
}
