package io.tradingedu.backtesting.engine;

import java.time.Instant;

/**
 * Account equity on every bar's close of the simulated range (realized cash plus the open position marked at the
 * close), and whether a position was open at that close.
 */
public record EquityCurve(Instant[] times, double[] equity, boolean[] inMarket) {

    public int size() {
        return equity.length;
    }

    /** Fraction below the highest equity so far, on each bar (0 at a new high). */
    public double[] drawdown() {
        double[] drawdown = new double[equity.length];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            drawdown[i] = peak > 0 ? 1 - equity[i] / peak : 0;
        }
        return drawdown;
    }
}
