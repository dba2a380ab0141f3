package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.PriceBar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds bars from trades in time order: each bar covers [start, start + timeframe) with start a multiple of the
 * timeframe since 1970-01-01T00:00Z (so daily bars start at midnight UTC), or for monthly bars a calendar month in
 * UTC ({@link Timeframe#barStart}); open and close are its first and last trade, volume the sum of amounts. Periods
 * without trades get no bar.
 */
final class TradeAggregator {

    private TradeAggregator() {
    }

    /** @param trades single-price bars (open = high = low = close = price, volume = amount) in time order */
    static List<PriceBar> aggregate(List<PriceBar> trades, Timeframe timeframe) {
        List<PriceBar> bars = new ArrayList<>();
        long currentStart = Long.MIN_VALUE;
        double open = 0;
        double high = 0;
        double low = 0;
        double close = 0;
        double volume = 0;
        for (PriceBar trade : trades) {
            long start = timeframe.barStart(trade.time()).toEpochMilli();
            if (start != currentStart) {
                if (currentStart != Long.MIN_VALUE) {
                    bars.add(new PriceBar(Instant.ofEpochMilli(currentStart), open, high, low, close, volume));
                }
                currentStart = start;
                open = trade.close();
                high = trade.close();
                low = trade.close();
                volume = 0;
            }
            high = Math.max(high, trade.close());
            low = Math.min(low, trade.close());
            close = trade.close();
            volume += trade.volume();
        }
        if (currentStart != Long.MIN_VALUE) {
            bars.add(new PriceBar(Instant.ofEpochMilli(currentStart), open, high, low, close, volume));
        }
        return bars;
    }
}
