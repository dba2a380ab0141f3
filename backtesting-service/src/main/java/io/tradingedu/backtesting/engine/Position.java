package io.tradingedu.backtesting.engine;

/** The open position inside one {@link Simulator} run. */
final class Position {

    final int entryBar;
    final double entryPrice;
    final double quantity;
    final double entryCommission;
    final double target;
    private final double fixedStop;
    private final double trailFraction;
    private final int sign;
    private double bestPrice;

    Position(int entryBar, double entryPrice, double quantity, double entryCommission, double fixedStop,
             double target, double trailFraction, int sign) {
        this.entryBar = entryBar;
        this.entryPrice = entryPrice;
        this.quantity = quantity;
        this.entryCommission = entryCommission;
        this.fixedStop = fixedStop;
        this.target = target;
        this.trailFraction = trailFraction;
        this.sign = sign;
        this.bestPrice = entryPrice;
    }

    /** The tighter of the fixed and the trailing stop; NaN when there is neither. */
    double stopLevel() {
        double trailing = trailingStop();
        if (Double.isNaN(trailing)) {
            return fixedStop;
        }
        if (Double.isNaN(fixedStop)) {
            return trailing;
        }
        return sign > 0 ? Math.max(fixedStop, trailing) : Math.min(fixedStop, trailing);
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
