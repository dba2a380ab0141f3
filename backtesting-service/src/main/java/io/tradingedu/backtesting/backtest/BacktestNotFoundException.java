package io.tradingedu.backtesting.backtest;

import java.util.UUID;

public class BacktestNotFoundException extends RuntimeException {

    public BacktestNotFoundException(UUID id) {
        super("no backtest with id " + id);
    }
}
