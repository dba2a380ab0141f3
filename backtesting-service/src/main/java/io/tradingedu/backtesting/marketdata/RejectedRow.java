package io.tradingedu.backtesting.marketdata;

/** A row of an upload that was not stored, with its 1-based line number in the file and why. */
public record RejectedRow(long line, String reason, String content) {
}
