package io.tradingedu.orchestrator.strategies.evaluation;

/**
 * The deflated Sharpe ratio of a candidate's out-of-sample returns against the best Sharpe ratio its lesson's trials
 * could reach by luck ({@link SharpeStatistics}); or why it cannot be computed.
 *
 * @param value        null when unknown
 * @param sharpe       per-bar out-of-sample Sharpe ratio
 * @param benchmark    SR*₀, per bar
 * @param missing      what the backtest did not report, when {@code value} is null
 */
record DeflatedSharpe(Double value, double sharpe, double benchmark, long returns, long trials, String missing) {

    static DeflatedSharpe of(StrategyJudge.OutOfSample main, Trials trials) {
        Double annual = main.sharpe();
        Double perYear = main.get("periods_per_year");
        Double returns = main.get("return_count");
        Double skewness = main.get("returns_skewness");
        Double kurtosis = main.get("returns_kurtosis");
        String missing = annual == null ? "sharpe" : perYear == null ? "periods_per_year"
                : returns == null ? "return_count" : skewness == null ? "returns_skewness"
                : kurtosis == null ? "returns_kurtosis" : null;
        double benchmark = SharpeStatistics.expectedMaximumSharpe(trials.variance(), trials.count());
        if (missing != null) {
            return new DeflatedSharpe(null, 0, benchmark, 0, trials.count(), missing);
        }
        double sharpe = annual / Math.sqrt(perYear);
        long n = Math.round(returns);
        try {
            return new DeflatedSharpe(SharpeStatistics.probabilisticSharpe(sharpe, benchmark, n, skewness, kurtosis),
                    sharpe, benchmark, n, trials.count(), null);
        } catch (IllegalArgumentException e) {
            return new DeflatedSharpe(null, sharpe, benchmark, n, trials.count(), e.getMessage());
        }
    }

    Reason reason(double threshold) {
        if (value == null) {
            return new Reason("deflated_sharpe", false, null, threshold, "deflated Sharpe ratio unknown: "
                    + (missing.contains(" ") ? missing : "the backtest reported no " + missing));
        }
        Reason check = Reason.check("deflated_sharpe", value, threshold, true, "deflated Sharpe ratio", 3);
        return new Reason(check.criterion(), check.passed(), value, threshold, check.text() + " (" + trials
                + (trials == 1 ? " trial" : " trials") + "; per-bar Sharpe " + Reason.number(sharpe, 4)
                + " vs benchmark " + Reason.number(benchmark, 4) + " over " + returns + " returns)");
    }
}
