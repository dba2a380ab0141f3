package io.tradingedu.api.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the Strategies page draws for one backtest ({@code GET /dashboard/backtests/{id}/chart}), bounded: at most
 * {@code max_points} equity points and bars whatever the length of the test.
 *
 * @param initialCapital every period starts from it (periods are simulated separately)
 * @param periods        each tested period: label (full, in_sample, out_of_sample, window_N), bounds and metrics
 * @param aggregate      the walk-forward summary when the backtest has windows, else null
 * @param equity         the strategy's equity beside buy-and-hold over the same bars, thinned to at most max points
 * @param equityPoints   how many equity points there were before thinning
 * @param bars           the prices of the tested range, merged into wider bars when there are more than max points
 * @param barSpan        how many of the dataset's bars each answered bar holds (1: not merged)
 * @param barsCut        true when the range held more bars than may be read, and the latest are missing
 * @param trades         the closed trades, every period's, in entry order
 * @param tradesTotal    how many there are (trades holds at most max trades)
 */
record BacktestChart(UUID backtestId, String symbol, String timeframe, String status, double initialCapital,
                     List<Period> periods, JsonNode aggregate, List<EquityPoint> equity, int equityPoints,
                     List<Bar> bars, int barSpan, boolean barsCut, List<Trade> trades, int tradesTotal,
                     int maxPoints) {

    record Period(String label, Instant from, Instant to, JsonNode metrics) {
    }

    /** @param buyAndHold the initial capital invested in the symbol at the period's first close, held to this bar */
    record EquityPoint(Instant time, String period, double equity, Double buyAndHold) {
    }

    record Bar(Instant time, double open, double high, double low, double close) {
    }

    record Trade(String period, String side, Instant entryTime, double entryPrice, Instant exitTime, double exitPrice,
                 double pnl, double pnlPercent, String exitReason) {
    }
}
