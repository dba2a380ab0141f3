package io.tradingedu.backtesting.backtest;

import java.util.UUID;

/** Results were asked of a job that has not completed (or failed). */
public class ResultNotReadyException extends RuntimeException {

    public ResultNotReadyException(UUID id, BacktestStatus status, String error) {
        super("backtest " + id + " is " + status + (error == null ? "" : ": " + error)
                + (status == BacktestStatus.FAILED ? "" : "; poll GET /backtest/" + id));
    }
}
