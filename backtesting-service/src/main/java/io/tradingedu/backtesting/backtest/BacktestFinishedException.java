package io.tradingedu.backtesting.backtest;

import java.util.UUID;

/** A job that has already completed or failed cannot be cancelled. */
public class BacktestFinishedException extends RuntimeException {

    public BacktestFinishedException(UUID id, BacktestStatus status) {
        super("backtest " + id + " is already " + status + "; only a QUEUED or RUNNING job can be cancelled");
    }
}
