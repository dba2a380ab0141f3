package io.tradingedu.backtesting.strategy;

import io.tradingedu.shared.strategy.StrategyDefinition;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored strategy as clients see it: the definition, the same in compact text ({@code text}, whatever it was
 * written in), and the text it was submitted as, if any.
 */
public record StrategyView(UUID id, String name, StrategyDefinition definition, String text, String sourceText,
                           Instant createdAt) {
}
