package io.tradingedu.backtesting.support;

import java.time.Instant;

/**
 * The times market data and requests may name: from 1900 to 2200. Anything outside is a typo or a unit mix-up (epoch
 * milliseconds read as seconds), and far enough outside it breaks date arithmetic.
 */
public final class SaneTime {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2200-12-31T23:59:59Z");

    private SaneTime() {
    }

    public static boolean contains(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
