package io.tradingedu.backtesting.engine;

/**
 * One open unit inside a {@link Simulator} run: a position holds one, or up to {@code pyramiding} of them, each with
 * its own entry, stop, target and trailing stop, and each closed as its own {@link Trade}.
 */
final class Position {

    final int entryBar;
    final double entryPrice;
    final double quantity;
    final double entryCommission;
    final double target;
    final int sign;
    /** Filled at a level during its entry bar (a stop order), not at that bar's open or close. */
    final boolean enteredIntrabar;
    final double fixedStop;
    private final double trailFraction;
    private double bestPrice;

    Position(int entryBar, double entryPrice, double quantity, double entryCommission, double fixedStop,
             double target, double trailFraction, int sign, boolean enteredIntrabar) {
        this.entryBar = entryBar;
        this.entryPrice = entryPrice;
        this.quantity = quantity;
        this.entryCommission = entryCommission;
        this.fixedStop = fixedStop;
        this.target = target;
        this.trailFraction = trailFraction;
        this.sign = sign;
        this.enteredIntrabar = enteredIntrabar;
        this.bestPrice = entryPrice;
    }

    /** The tighter of the fixed and the trailing stop; NaN when there is neither. */
    double stopLevel() {
        return tighter(fixedStop, trailingStop());
    }

    /** The tighter (closer to the price) of two stop levels for this side; NaN only when both are. */
    double tighter(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return sign > 0 ? Math.max(a, b) : Math.min(a, b);
    }

    ExitReason stopReason() {
        double trailing = trailingStop();
        boolean trailingBinds = !Double.isNaN(trailing)
                && (Double.isNaN(fixedStop) || sign * (trailing - fixedStop) > 0);
        return trailingBinds ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
    }

    /** After a bar is over, the trailing stop follows its extreme; never during the bar that set it. */
    void follow(double high, double low) {
        bestPrice = sign > 0 ? Math.max(bestPrice, high) : Math.min(bestPrice, low);
    }

    double unrealized(double price) {
        return sign * quantity * (price - entryPrice);
    }

    private double trailingStop() {
        return Double.isNaN(trailFraction) ? Double.NaN : bestPrice * (1 - sign * trailFraction);
    }
}
