package io.tradingedu.api.playground;

/**
 * One reason a strategy text cannot be tested, placed where the author can fix it.
 *
 * @param line    1-based line of the text, null when the problem is the text as a whole (e.g. no exit of any kind)
 * @param column  1-based column within that line, null with the line
 * @param path    where in the strategy's JSON the validator found it ({@code risk.stop_loss.percent}); null for a
 *                syntax error
 * @param message what is wrong, in words
 */
public record TextProblem(Integer line, Integer column, String path, String message) {
}
