package io.tradingedu.backtesting.backtest;

public enum BacktestStatus {
    QUEUED, RUNNING, COMPLETED, FAILED
}
