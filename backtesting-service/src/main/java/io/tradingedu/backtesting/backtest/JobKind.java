package io.tradingedu.backtesting.backtest;

/** A single backtest (with its test plan) or a parameter sweep. */
public enum JobKind {
    BACKTEST, OPTIMIZE
}
