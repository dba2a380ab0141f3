package io.tradingedu.backtesting.marketdata;

import java.time.Instant;
import java.util.UUID;

/**
 * A dataset's bars changed (an upload added or replaced some): every instance drops its in-memory copy of it. Sent on
 * {@link MarketDataEvents#TOPIC}, keyed by {@code symbol|timeframe}; a reader ignores fields it does not know.
 *
 * @param origin the instance that changed it
 */
record MarketDataChanged(String type, UUID eventId, String symbol, String timeframe, String origin, Instant changedAt) {

    static final String TYPE = "MarketDataChanged";

    static MarketDataChanged of(String symbol, String timeframe, String origin, Instant now) {
        return new MarketDataChanged(TYPE, UUID.randomUUID(), symbol, timeframe, origin, now);
    }

    String key() {
        return symbol + "|" + timeframe;
    }
}
