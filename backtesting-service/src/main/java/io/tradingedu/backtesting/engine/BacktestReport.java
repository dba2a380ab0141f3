package io.tradingedu.backtesting.engine;

import java.util.List;

/**
 * Everything one backtest found: one period per tested range and, for walk-forward, how the windows compare.
 *
 * @param aggregate null unless the plan had more than one window
 */
public record BacktestReport(String symbol, List<PeriodResult> periods, WindowSummary aggregate) {

    /**
     * Across walk-forward windows: how many there were, how many made money, and the mean and worst of the main
     * metrics, which say more about robustness than one long run does.
     */
    public record WindowSummary(int windows, int profitableWindows, Double meanTotalReturn, Double worstTotalReturn,
                                Double meanSharpe, Double worstMaxDrawdown, int trades) {
    }
}
