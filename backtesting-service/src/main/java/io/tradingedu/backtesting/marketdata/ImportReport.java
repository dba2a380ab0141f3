package io.tradingedu.backtesting.marketdata;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of an upload.
 *
 * @param rejected the first rejected rows with line and reason; {@code rejectedCount} says how many there were
 */
public record ImportReport(String symbol, String timeframe, String format, long rowsRead, int barsStored,
                           Instant from, Instant to, long rejectedCount, List<RejectedRow> rejected) {
}
