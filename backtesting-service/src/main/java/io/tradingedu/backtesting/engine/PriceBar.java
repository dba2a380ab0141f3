package io.tradingedu.backtesting.engine;

import java.time.Instant;

/** One OHLCV bar; {@code time} is when the bar opens. */
public record PriceBar(Instant time, double open, double high, double low, double close, double volume) {
}
