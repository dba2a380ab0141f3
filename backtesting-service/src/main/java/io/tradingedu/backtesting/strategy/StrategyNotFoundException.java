package io.tradingedu.backtesting.strategy;

import java.util.UUID;

public class StrategyNotFoundException extends RuntimeException {

    public StrategyNotFoundException(UUID id) {
        super("no strategy with id " + id);
    }
}
