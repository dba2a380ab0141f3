package io.tradingedu.backtesting.strategy;

import io.tradingedu.shared.strategy.StrategyDefinition;
import java.time.Instant;
import java.util.UUID;

/** A stored strategy as clients see it: the definition, and the compact text it was written in, if any. */
public record StrategyView(UUID id, String name, StrategyDefinition definition, String sourceText, Instant createdAt) {
}
