package io.tradingedu.orchestrator.strategies.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One criterion's verdict on a strategy, stored in {@code decision_reasons}.
 *
 * @param criterion stable name, e.g. {@code out_of_sample_sharpe}
 * @param value     what the strategy reached; null when it is unknown (which fails the criterion)
 * @param text      the sentence a person reads, e.g. "out-of-sample Sharpe 0.21 < 0.5"
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record Reason(String criterion, boolean passed, Double value, Double threshold, String text) {

    static Reason check(String criterion, Double value, double threshold, boolean higherIsBetter, String label,
                        int decimals) {
        if (value == null) {
            return new Reason(criterion, false, null, threshold, label + " unknown");
        }
        boolean passed = higherIsBetter ? value >= threshold : value <= threshold;
        String comparison = passed ? (higherIsBetter ? " ≥ " : " ≤ ") : (higherIsBetter ? " < " : " > ");
        return new Reason(criterion, passed, value, threshold,
                label + " " + number(value, decimals) + comparison + number(threshold, decimals));
    }

    /** Rounded to {@code decimals} places without trailing zeros: 0.5, 0.21, 1530. */
    static String number(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
