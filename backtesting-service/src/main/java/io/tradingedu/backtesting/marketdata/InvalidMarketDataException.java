package io.tradingedu.backtesting.marketdata;

import java.util.List;

/** An upload or query that cannot be accepted; {@code rejected} lists offending rows when there are some. */
public class InvalidMarketDataException extends RuntimeException {

    private final List<RejectedRow> rejected;

    public InvalidMarketDataException(String message) {
        this(message, List.of());
    }

    public InvalidMarketDataException(String message, List<RejectedRow> rejected) {
        super(message);
        this.rejected = List.copyOf(rejected);
    }

    public List<RejectedRow> rejected() {
        return rejected;
    }
}
