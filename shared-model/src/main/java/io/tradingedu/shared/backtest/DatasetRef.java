package io.tradingedu.shared.backtest;

import java.time.Instant;

/**
 * Market data to test on: a symbol and timeframe the backtesting service holds ({@code GET /market-data}), and an
 * optional range (null for all of it).
 */
public record DatasetRef(String symbol, String timeframe, Instant from, Instant to) {
}
