package io.tradingedu.backtesting.marketdata;

import java.time.Instant;

/** What market data is held for one symbol and timeframe. */
public record DatasetSummary(String symbol, String timeframe, Instant from, Instant to, long bars) {
}
