package io.tradingedu.api.playground;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /playground/check}: whether a compact strategy text can be backtested.
 *
 * @param valid      true when it parses and passes the strategy language's validation
 * @param problems   every reason it cannot, each at its line and column (the first syntax error stops the reading:
 *                   the rest of the text is unread)
 * @param strategy   the strategy in the language's JSON when valid, else null
 * @param normalized the text as the formatter writes the strategy back (defaults filled in) when valid, else null
 * @param sweepable  the strategy's numbers a sweep may vary, when valid
 */
public record StrategyCheck(boolean valid, List<TextProblem> problems, JsonNode strategy, String normalized,
                            List<SweepableNumber> sweepable) {
}
