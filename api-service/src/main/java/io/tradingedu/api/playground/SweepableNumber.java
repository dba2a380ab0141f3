package io.tradingedu.api.playground;

/**
 * A number of the strategy a sweep may vary.
 *
 * @param path  its place in the strategy's JSON, as backtesting-service's {@code POST /optimize} takes it
 *              ({@code entry.right.constant})
 * @param value what the text says now
 * @param line  the line of the text it comes from (null when it cannot be placed)
 * @param label the path in words with the line's text, for a picker
 */
public record SweepableNumber(String path, double value, Integer line, String label) {
}
